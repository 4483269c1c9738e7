"""A Word document to PDF through LibreOffice, with its indexes updated first.

`soffice --convert-to pdf` prints a table of contents as the file holds it: the page numbers that Word fills in
when it opens the file (PAGEREF fields written dirty) stay empty. This opens the file in a headless LibreOffice
through UNO, updates every index (the table of contents takes its entries and page numbers from LibreOffice's
own layout), and then exports the PDF, as a person would with Tools > Update > Update All before File > Export.

Usage: /usr/bin/python3 office-pdf.py <profile-dir> <in.docx> <out.pdf>   (needs python3-uno)
"""

import os
import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main(profile, source, target):
    pipe = "uudistamo-" + uuid.uuid4().hex
    office = subprocess.Popen(
        [
            "soffice",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.abspath(profile)),
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--accept=pipe,name=" + pipe + ";urp;StarOffice.ComponentContext",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        # The first start makes the profile: it can take a while on a busy machine.
        deadline = time.monotonic() + 120
        while context is None:
            try:
                context = resolver.resolve("uno:pipe,name=" + pipe + ";urp;StarOffice.ComponentContext")
            except Exception:
                if office.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.25)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),)
        )
        indexes = document.getDocumentIndexes()
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
        # An index's new entries can move the pages after it: the second round numbers them where they end up.
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
        document.getTextFields().refresh()
        document.storeToURL(
            uno.systemPathToFileUrl(os.path.abspath(target)), (prop("FilterName", "writer_pdf_Export"),)
        )
        document.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes down with the office
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3])
