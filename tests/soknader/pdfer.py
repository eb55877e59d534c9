"""Real PDF files for the attachment tests, made with pikepdf: a plain one, and ones that act when opened."""

import io

import pikepdf


def pdf(endre=None, **save) -> bytes:
    """A one-page PDF; `endre(pdf)` changes it before it is saved."""
    dokument = pikepdf.new()
    dokument.add_blank_page()
    if endre:
        endre(dokument)
    buffer = io.BytesIO()
    dokument.save(buffer, static_id=True, **save)
    return buffer.getvalue()


def med_javascript_ved_apning(dokument) -> None:
    handling = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('Hei')"))
    dokument.Root.OpenAction = handling


def med_launch(dokument) -> None:
    handling = pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("cmd.exe"))
    dokument.Root.OpenAction = dokument.make_indirect(handling)


def med_innebygd_fil(dokument) -> None:
    dokument.attachments["faktura.exe"] = pikepdf.AttachedFileSpec(dokument, b"MZ\x90\x00", filename="faktura.exe")


def med_javascript_pa_siden(dokument) -> None:
    handling = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.launchURL('https://x')"))
    dokument.pages[0].obj.AA = pikepdf.Dictionary(O=handling)


PDF = pdf()
