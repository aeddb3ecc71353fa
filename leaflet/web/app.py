"""The desk's web application (Starlette): thin routes over DeskService; read-only.

    GET /                                   the page (?lang=ur: the interface in Urdu)
    GET /leaflets/<id>/<lang>/<size>.pdf    a leaflet (?copies=N, 1 to 50), its last good edition; each on the print log
    GET /leaflets/<id>/<lang>/<size>.json   its pages a copy and sheets of paper (?large=1), before printing
    GET /leaflets/<id>/<lang>.html          a leaflet to read on screen (its web edition), from its last good edition
    GET /leaflets/<id>?lang=&size=&copies=  the page's form: redirects to the PDF's address
    GET /covers/<id>.png[?lang=CODE]        a leaflet's cover, small (in that language if it has it)
    GET /report[?since=YYYY-MM-DD&lang=ur]  the print report: prints and pages per month, leaflet and language
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import logging
import re
from contextlib import asynccontextmanager
from pathlib import Path

import pypdfium2 as pdfium
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from leaflet.records import Print, PrintLogError, parse_day
from leaflet.web.page import render_page
from leaflet.web.report import render_report
from leaflet.web.service import MAX_COPIES, SIZES, DeskService, NotAvailableError, UnknownLeafletError
from leaflet.web.words import WORDS

STATIC = Path(__file__).parent / "static"
FONTS = Path(__file__).resolve().parents[2] / "fonts"
log = logging.getLogger("leaflet.desk")


def create_app(content_dir: Path, out_dir: Path) -> Starlette:
    service = DeskService(content_dir, out_dir)

    @asynccontextmanager
    async def lifespan(_app: Starlette):
        yield
        service.close()

    async def page(request: Request) -> Response:
        interface = request.query_params.get("lang", "en")
        return HTMLResponse(render_page(service.catalogue(), interface if interface in WORDS else "en"))

    async def leaflet_pdf(request: Request) -> Response:
        params = request.path_params
        copies = _copies(request.query_params.get("copies", "1"))
        large = _large(request.query_params.get("large", "0"), params["size"])
        try:
            served = await service.pdf(params["id"], params["lang"], params["size"], copies, large)
        except UnknownLeafletError as error:
            raise HTTPException(404, "No such leaflet, language or size.") from error
        except NotAvailableError as error:
            raise HTTPException(404, "This leaflet is being edited, and no earlier edition of it in this language "
                                     "and size was kept; choose another size, or print it once its files check.") \
                from error
        await service.record(Print(dt.datetime.now(dt.UTC), params["id"], served.version, params["lang"],
                                   params["size"], large, copies, served.pages * copies))
        if request.headers.get("if-none-match") == f'"{served.etag}"':
            return Response(status_code=304, headers={"ETag": f'"{served.etag}"'})
        name = f'{params["id"]}_{params["lang"]}_{params["size"]}{"-large" if large else ""}.pdf'
        return Response(served.data, media_type="application/pdf", headers={
            "ETag": f'"{served.etag}"', "Content-Disposition": f'inline; filename="{name}"',
            "Cache-Control": "no-cache"})

    async def pages(request: Request) -> Response:
        """What the choices come to before anything is printed: pages a copy, and sheets of which paper."""
        params = request.path_params
        large = _large(request.query_params.get("large", "0"), params["size"])
        try:
            served = await service.pdf(params["id"], params["lang"], params["size"], 1, large)
        except (UnknownLeafletError, NotAvailableError) as error:
            raise HTTPException(404, "No such leaflet, language or size.") from error
        booklet = params["size"] == "A5-booklet"
        return JSONResponse({"pages": served.pages, "sheets": -(-served.pages // 2), "booklet": booklet,
                             "paper": "A4" if booklet or params["size"] == "A4" else "A5"})

    async def web_page(request: Request) -> Response:
        params = request.path_params
        try:
            html = await service.web_page(params["id"], params["lang"])
        except UnknownLeafletError as error:
            raise HTTPException(404, "No such leaflet or language.") from error
        except NotAvailableError as error:
            raise HTTPException(404, "This leaflet is being edited; open its PDF, or read it once its files check.") \
                from error
        return HTMLResponse(html, headers={"Cache-Control": "no-cache"})

    async def choose(request: Request) -> Response:
        query = request.query_params
        copies = _copies(query.get("copies", "1"))
        large = query.get("large") == "1"
        language, size = query.get("lang", "en"), "A4" if large else query.get("size", "A4")
        if not re.fullmatch(r"[a-z]{2,3}|bilingual", language) or size not in SIZES:
            raise HTTPException(400, "Choose a language and a size from the page.")
        return RedirectResponse(f'/leaflets/{request.path_params["id"]}/{language}/{size}.pdf?copies={copies}'
                                f'{"&large=1" if large else ""}', status_code=303)

    async def cover(request: Request) -> Response:
        identity = request.path_params["id"]
        entry = service.entry(identity)
        if entry is None or not entry.languages:
            raise HTTPException(404, "No such leaflet.")
        wanted = request.query_params.get("lang", "")
        language = wanted if wanted in entry.languages else entry.languages[0]
        try:
            served = await service.pdf(identity, language, "A4")
        except NotAvailableError as error:
            raise HTTPException(404, "No cover for this leaflet just now.") from error
        page = pdfium.PdfDocument(served.data)[0]
        image = page.render(scale=170 / page.get_height()).to_pil()
        png = io.BytesIO()
        image.save(png, format="PNG", optimize=True)
        return Response(png.getvalue(), media_type="image/png", headers={"ETag": f'"{served.etag}-cover"'})

    async def report(request: Request) -> Response:
        interface = request.query_params.get("lang", "en")
        interface = interface if interface in WORDS else "en"
        since = _since(request.query_params.get("since", ""))
        try:
            rows = await asyncio.to_thread(service.print_log.months, since)
        except PrintLogError as error:  # the page still answers; the desk's log says why
            log.warning("%s", error)
            return HTMLResponse(render_report([], interface, since, readable=False))
        return HTMLResponse(render_report(rows, interface, since))

    async def plain_error(_request: Request, error: Exception) -> Response:
        status = error.status_code if isinstance(error, HTTPException) else 500
        detail = error.detail if isinstance(error, HTTPException) else "Something went wrong."
        return PlainTextResponse(detail + "\n", status_code=status)

    app_routes = [
        Route("/", page),
        Route("/leaflets/{id:str}/{lang:str}/{size:str}.pdf", leaflet_pdf),
        Route("/leaflets/{id:str}/{lang:str}/{size:str}.json", pages),
        Route("/leaflets/{id:str}/{lang:str}.html", web_page),
        Route("/leaflets/{id:str}", choose),
        Route("/covers/{id:str}.png", cover),
        Route("/report", report),
        Mount("/static", StaticFiles(directory=STATIC)),
        Mount("/fonts", StaticFiles(directory=FONTS)),
    ]
    app = Starlette(routes=app_routes, lifespan=lifespan,
                    exception_handlers={HTTPException: plain_error, Exception: plain_error})
    app.state.service = service
    return app


def _since(value: str) -> dt.date | None:
    """The report's first day; none (all prints) for an empty value, as the page's date field sends it."""
    try:
        return parse_day(value) if value else None
    except ValueError as error:
        raise HTTPException(400, "since must be a date written YYYY-MM-DD.") from error


def _large(value: str, size: str) -> bool:
    if value not in ("0", "1"):
        raise HTTPException(400, "large must be 1 (large print) or 0.")
    if value == "1" and size != "A4":
        raise HTTPException(400, "Large print comes in A4 only.")
    return value == "1"


def _copies(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= MAX_COPIES:
        raise HTTPException(400, f"copies must be a whole number from 1 to {MAX_COPIES}.")
    return int(value)
