"""Load `leaflet.yaml` and the language files of a content folder into the model."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from leaflet.content.diagrams import Context, DiagramSpec, read_diagrams
from leaflet.content.limits import DEFAULT_KIND, MAX_BLOCKS, MAX_FILE_BYTES, MAX_SECTIONS
from leaflet.content.model import (
    Block,
    Brand,
    BrandColours,
    BulletList,
    Callout,
    Contact,
    ContactPanel,
    ContactText,
    DeskSettings,
    DiagramBlock,
    DiagramLabel,
    DocumentControl,
    DocumentControlLabels,
    Figure,
    Labels,
    LabelShape,
    LanguageContent,
    Leaflet,
    LeafletFacts,
    NamedItem,
    NumberedList,
    OpeningHours,
    Paragraph,
    Picture,
    Section,
    Subheading,
    Table,
    Text,
    Translation,
)
from leaflet.content.pictures import picture_problem
from leaflet.content.printing import read_order, read_print
from leaflet.content.reader import NodeReader, describe, join
from leaflet.errors import ContentError
from leaflet.outputs import FACTS_FILE, HOSPITAL_FILE, available_languages, in_language_order, is_catalogue

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_LABEL_FIELDS = ("patient_information", "page_of", "notes")
_OPTIONAL_LABELS = ("opening_hours", "list_number")
_LABEL_PLACEHOLDERS = {
    "opening_hours": {"first_day", "last_day", "opens", "closes"},
    "page_of": {"page", "pages"},
    "list_number": {"number"},
}
_DOCUMENT_CONTROL_FIELDS = (
    "heading", "published_by", "code", "version", "published",
    "last_reviewed", "next_review", "sources", "feedback",
)
_BLOCK_KINDS = ("paragraph", "heading", "bullets", "numbered", "table", "image", "callout", "contacts", "diagram")
MAX_COLUMNS = 4


def load_leaflet(content_dir: Path, languages: list[str] | None = None) -> Leaflet:
    """Read and validate a leaflet's folder; raises ContentError listing every problem.

    In a catalogue (a folder with hospital.yaml, see outputs.leaflet_folders) a leaflet's folder
    holds only what is its own: its leaflet.yaml and language files are read together with the
    catalogue's hospital.yaml and language files, as if each pair were one file.
    """
    errors: list[str] = []
    if not content_dir.is_dir():
        raise ContentError([f"{content_dir}: not a folder; expected the content folder"])
    if is_catalogue(content_dir):
        raise ContentError([f"{content_dir}: a catalogue of leaflets; expected one leaflet's folder in it, "
                            f"e.g. {content_dir}/<leaflet-id>"])
    shared = content_dir.parent if is_catalogue(content_dir.parent) else None
    # in one order however they were asked for: the bilingual files follow it
    wanted = in_language_order(languages) if languages else available_languages(content_dir)
    if not wanted:
        raise ContentError([f"{content_dir}: no language files; expected e.g. en.yaml"])
    facts = _load_facts(content_dir / FACTS_FILE, shared / HOSPITAL_FILE if shared else None, errors)
    texts: dict[str, LanguageContent] = {}
    for code in wanted:
        content = _load_language(content_dir / f"{code}.yaml", shared / f"{code}.yaml" if shared else None,
                                 code, facts, errors)
        if content is not None:
            texts[code] = content
    if errors or facts is None:
        raise ContentError(errors)
    return Leaflet(facts=facts, languages=texts)


def display_path(path: Path) -> str:
    """Relative to the working folder when inside it (content/en.yaml), else absolute."""
    absolute = path.absolute()
    return str(absolute.relative_to(Path.cwd())) if absolute.is_relative_to(Path.cwd()) else str(absolute)


def _compose(path: Path, errors: list[str], shared: Path | None = None) -> tuple[NodeReader, Node | None]:
    """The file's node tree; with `shared`, that file's top-level keys merged in (each node keeps its file)."""
    reader = NodeReader(display_path(path), errors)
    node = _read_tree(reader, path, errors)
    if shared is None or node is None:
        return reader, node
    shared_node = _read_tree(reader, shared, errors, display_path(shared))
    if shared_node is None:
        return reader, None
    reader.adopt(shared_node, display_path(shared))
    for part in (shared_node, node):
        if not isinstance(part, MappingNode):
            reader.error(part, "", f"found {describe(part)}", "expected a mapping (key: value pairs)")
            return reader, None
    return reader, MappingNode(node.tag, shared_node.value + node.value, node.start_mark, node.end_mark)


def _read_tree(reader: NodeReader, path: Path, errors: list[str], shown: str | None = None) -> Node | None:
    shown = shown or reader.path
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            errors.append(f"{shown}:1:1: (file): {size // 1024:,} KB; expected at most "
                          f"{MAX_FILE_BYTES // 1024} KB (a leaflet's text is far smaller)")
            return None
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        errors.append(f"{shown}:1:1: (file): file not found; expected this file to exist")
        return None
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        errors.append(f"{shown}:{line}:1: (file): not UTF-8 text; expected the file saved as UTF-8")
        return None
    before = len(errors)
    node = reader.compose(source, shown)
    if node is None and len(errors) == before:
        errors.append(f"{shown}:1:1: (file): the file is empty; expected the leaflet content")
    return node


# --- leaflet.yaml -----------------------------------------------------------


def _load_facts(path: Path, shared: Path | None, errors: list[str]) -> LeafletFacts | None:
    """leaflet.yaml, with the catalogue's hospital.yaml merged in; in a catalogue the id is the folder's name."""
    start = len(errors)
    reader, root = _compose(path, errors, shared)
    if root is None:
        return None
    fields = ("region", "calling_code", "brand", "contacts", "figures", "document_control")
    keys = reader.mapping(root, "", fields if shared else ("id", *fields),
                          ("opening_hours", "shows_contacts", "diagrams", "desk", "departments", "department",
                           "web_base", "print", "order", *(("id",) if shared else ())))
    if keys is None or len(errors) > start:
        return None
    leaflet_id = reader.identifier(keys["id"], "id") if "id" in keys else path.parent.name
    if shared and leaflet_id is not None and leaflet_id != path.parent.name:
        reader.error(keys["id"], "id", f"`{leaflet_id}` is not the folder's name",
                     f"expected `{path.parent.name}`, or no id: the folder names the leaflet")
    region = reader.text(keys["region"], "region")
    if region is not None and not re.fullmatch(r"[A-Z]{2}", region):
        reader.error(keys["region"], "region", f"`{region}` is not a country code", "expected e.g. PK")
    calling_code = reader.text(keys["calling_code"], "calling_code")
    if calling_code is not None and not re.fullmatch(r"\+[1-9]\d{0,2}", calling_code):
        reader.error(keys["calling_code"], "calling_code", f"`{calling_code}` is not a calling code",
                     'expected + and the country code in quotes, e.g. "+92"')
    brand = _read_brand(reader, keys["brand"])
    hours = _read_opening_hours(reader, keys["opening_hours"]) if "opening_hours" in keys else None
    contacts = reader.sequence(keys["contacts"], "contacts", lambda n, f: _read_contact(reader, n, f))
    reader.check_unique(keys["contacts"], "contacts", [c.id for c in contacts], "id", ".id")
    figures = _read_figures(reader, keys["figures"])
    control = _read_document_control(reader, keys["document_control"])
    shown = _read_shown_contacts(reader, keys["shows_contacts"], contacts) if "shows_contacts" in keys else None
    diagrams = read_diagrams(reader, keys["diagrams"], Context(path.parent, figures or {})) \
        if "diagrams" in keys else {}
    desk = _read_desk(reader, keys["desk"]) if "desk" in keys else DeskSettings()
    departments = _read_departments(reader, keys["departments"]) if "departments" in keys else ()
    department = _read_department(reader, keys["department"], departments) if "department" in keys else None
    web_base = _read_web_base(reader, keys["web_base"]) if "web_base" in keys else None
    printing = read_print(reader, keys["print"]) if "print" in keys else None
    quantities = read_order(reader, keys["order"]) if "order" in keys else {}
    if len(errors) > start or None in (leaflet_id, region, calling_code, brand, figures, control, desk):
        return None
    return LeafletFacts(leaflet_id, str(region), str(calling_code), brand, hours, tuple(contacts), figures, control,
                        shown, diagrams, desk, departments, department, web_base, printing, quantities or {})


def _read_web_base(reader: NodeReader, node: Node) -> str | None:
    """`web_base:`: where the hospital publishes the web edition, an absolute https address (the
    QR code of each PDF opens <web_base>/<id>/<lang>.html)."""
    value = reader.text(node, "web_base")
    if value is None:
        return None
    address = urlsplit(value)
    if address.scheme != "https" or not address.hostname or address.query or address.fragment \
            or any(char.isspace() for char in value):
        reader.error(node, "web_base", f"`{value}` is not an absolute https address",
                     "expected e.g. https://pkli.org.pk/leaflets (no ?query or #part)")
        return None
    return str(value).rstrip("/")


def _read_departments(reader: NodeReader, node: Node) -> tuple[str, ...]:
    """hospital.yaml's `departments:`: ids, each once, in the order the desk page lists them."""
    ids = reader.sequence(node, "departments", reader.identifier)
    reader.check_unique(node, "departments", ids, "department")
    return tuple(ids)


def _read_department(reader: NodeReader, node: Node, departments: tuple[str, ...]) -> str | None:
    """leaflet.yaml's `department:`: one of the hospital's departments."""
    department = reader.identifier(node, "department")
    if department is not None and department not in departments:
        known = ", ".join(departments) or f"none yet (list them under `departments:` in {HOSPITAL_FILE})"
        reader.error(node, "department", f"`{department}` is not a department", f"expected one of: {known}")
        return None
    return department


def _read_desk(reader: NodeReader, node: Node) -> DeskSettings | None:
    """hospital.yaml's `desk:` (or a single leaflet's leaflet.yaml's): how the desk page offers the leaflets."""
    keys = reader.mapping(node, "desk", (), ("drafts", "confirm_above_pages"))
    if keys is None:
        return None
    default = DeskSettings()
    drafts = reader.choice(keys["drafts"], "desk.drafts", ("show", "hide")) if "drafts" in keys else default.drafts
    confirm = default.confirm_above_pages
    if "confirm_above_pages" in keys:
        confirm = reader.integer(keys["confirm_above_pages"], "desk.confirm_above_pages")
        if confirm is not None and confirm < 1:
            reader.error(keys["confirm_above_pages"], "desk.confirm_above_pages", f"`{confirm}` pages",
                         "expected a whole number of pages, 1 or more")
            confirm = None
    if drafts is None or confirm is None:
        return None
    return DeskSettings(drafts, confirm)


def _read_shown_contacts(reader: NodeReader, node: Node, contacts: list[Contact]) -> tuple[str, ...] | None:
    """Which of the hospital's contacts a leaflet shows: known ids, each once."""
    known = [contact.id for contact in contacts]
    ids = reader.sequence(node, "shows_contacts", reader.identifier)
    for index, contact_id in enumerate(ids):
        if contact_id not in known:
            reader.error(node.value[index], f"shows_contacts[{index}]", f"no contact `{contact_id}`",
                         f"expected one of the ids in contacts: {', '.join(known)}")
    reader.check_unique(node, "shows_contacts", ids, "contact")
    return tuple(ids) if ids else None


def _read_brand(reader: NodeReader, node: Node) -> Brand | None:
    keys = reader.mapping(node, "brand", ("wordmark", "website", "colours"), ("print_colours",))
    if keys is None or not {"wordmark", "website", "colours"} <= set(keys):
        return None
    wordmark = reader.text(keys["wordmark"], "brand.wordmark")
    website = reader.text(keys["website"], "brand.website")
    if website is not None and not website.startswith("https://"):
        reader.error(keys["website"], "brand.website", f"`{website}` is not a web address",
                     "expected an address starting with https://")
    fields = ("primary", "accent", "tint", "text")
    colour_keys = reader.mapping(keys["colours"], "brand.colours", fields)
    if colour_keys is None or len(colour_keys) < len(fields):
        return None
    colours = {}
    for name in fields:
        value = reader.text(colour_keys[name], f"brand.colours.{name}")
        if value is not None and not _COLOUR.fullmatch(value):
            reader.error(colour_keys[name], f"brand.colours.{name}", f"`{value}` is not a colour",
                         'expected a hex colour in quotes, e.g. "#00677F"')
        colours[name] = value
    print_colours = _read_print_colours(reader, keys["print_colours"], fields) if "print_colours" in keys else {}
    if wordmark is None or website is None:
        return None
    return Brand(wordmark, website, BrandColours(**colours), print_colours)


def _read_print_colours(reader: NodeReader, node: Node, fields: tuple[str, ...]) -> dict[str, tuple[int, ...]]:
    keys = reader.mapping(node, "brand.print_colours", (), fields)
    colours = {}
    for name, value in (keys or {}).items():
        field = f"brand.print_colours.{name}"
        cmyk = reader.sequence(value, field, reader.integer)
        if len(cmyk) != 4 or not all(0 <= part <= 100 for part in cmyk):
            reader.error(value, field, "not a CMYK colour", "expected [cyan, magenta, yellow, black] in percent")
            continue
        colours[name] = tuple(cmyk)
    return colours


def _read_opening_hours(reader: NodeReader, node: Node) -> OpeningHours | None:
    fields = ("first_day", "last_day", "opens", "closes")
    keys = reader.mapping(node, "opening_hours", fields)
    if keys is None or len(keys) < len(fields):
        return None
    first = reader.choice(keys["first_day"], "opening_hours.first_day", _WEEKDAYS)
    last = reader.choice(keys["last_day"], "opening_hours.last_day", _WEEKDAYS)
    opens = reader.time(keys["opens"], "opening_hours.opens")
    closes = reader.time(keys["closes"], "opening_hours.closes")
    if first is None or last is None or opens is None or closes is None:
        return None
    return OpeningHours(_WEEKDAYS.index(first), _WEEKDAYS.index(last), opens, closes)


def _read_contact(reader: NodeReader, node: Node, field: str) -> Contact | None:
    keys = reader.mapping(node, field, ("id", "phone"), ("emphasis",))
    if keys is None or not {"id", "phone"} <= set(keys):
        return None
    contact_id = reader.identifier(keys["id"], join(field, "id"))
    phone = reader.text(keys["phone"], join(field, "phone"))
    if phone is not None and not re.fullmatch(r"\+?[0-9][0-9 -]*[0-9]", phone):
        reader.error(keys["phone"], join(field, "phone"), f"`{phone}` is not a phone number",
                     'expected digits with spaces or hyphens, in quotes, e.g. "042 36093000"')
        return None
    emphasis = "normal"
    if "emphasis" in keys:
        emphasis = reader.choice(keys["emphasis"], join(field, "emphasis"), ("helpline", "high", "normal"))
    if contact_id is None or phone is None or emphasis is None:
        return None
    return Contact(contact_id, phone, emphasis)


def _read_figures(reader: NodeReader, node: Node) -> dict[str, Figure] | None:
    if not isinstance(node, MappingNode):
        reader.error(node, "figures", f"found {describe(node)}",
                     "expected a mapping of figure names to numbers")
        return None
    figures: dict[str, Figure] = {}
    for key_node, value_node in node.value:
        name = join("figures", key_node.value)
        if isinstance(value_node, ScalarNode):
            number = reader.integer(value_node, name)
            if number is not None:
                figures[key_node.value] = number
            continue
        pair = reader.sequence(value_node, name, reader.integer)
        if len(pair) == 2 and pair[0] < pair[1]:
            figures[key_node.value] = (pair[0], pair[1])
        else:
            reader.error(value_node, name, "not a range", "expected [low, high] with low below high")
    return figures


def _read_document_control(reader: NodeReader, node: Node) -> DocumentControl | None:
    fields = ("code", "version", "published", "last_reviewed", "next_review", "sources")
    keys = reader.mapping(node, "document_control", fields)
    if keys is None or len(keys) < len(fields):
        return None
    code = reader.text(keys["code"], "document_control.code")
    version = reader.text(keys["version"], "document_control.version")
    published = reader.date(keys["published"], "document_control.published")
    reviewed = reader.date(keys["last_reviewed"], "document_control.last_reviewed")
    review_due = reader.date(keys["next_review"], "document_control.next_review")
    sources = reader.sequence(keys["sources"], "document_control.sources", reader.text)
    if reviewed and review_due and review_due <= reviewed:
        reader.error(keys["next_review"], "document_control.next_review", "review due before last review",
                     "expected a date after last_reviewed")
    if None in (code, version, published, reviewed, review_due):
        return None
    return DocumentControl(code, version, published, reviewed, review_due, tuple(sources),
                           reader.location(keys["next_review"]))


# --- <language>.yaml --------------------------------------------------------


def _load_language(
    path: Path, shared: Path | None, code: str, facts: LeafletFacts | None, errors: list[str]
) -> LanguageContent | None:
    start = len(errors)
    reader, root = _compose(path, errors, shared)
    if root is None:
        return None
    fields = ("language", "institute", "title", "subtitle", "labels", "sections", "contacts",
              "document_control")
    keys = reader.mapping(root, "", fields, ("translation", "diagrams", "keywords", "departments"))
    if keys is None or not set(fields) <= set(keys):
        return None
    language = reader.text(keys["language"], "language")
    if language is not None and language != code:
        reader.error(keys["language"], "language", f"`{language}` does not match the file name",
                     f"expected `{code}` in {code}.yaml")
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        reader.error(keys["language"], "language", f"`{code}` is not a language babel knows",
                     "expected a language code such as en or ur")
    institute = reader.text(keys["institute"], "institute")
    title = reader.text(keys["title"], "title", "title")
    subtitle = reader.text(keys["subtitle"], "subtitle", "title")
    labels = _read_labels(reader, keys["labels"])
    if labels is not None and labels.opening_hours is None and facts is not None and facts.opening_hours:
        reader.error(keys["labels"], "labels.opening_hours", "missing",
                     f"expected how to word the opening hours that {FACTS_FILE} gives, e.g. "
                     '"Open {first_day} to {last_day}, {opens} to {closes}"')
    sections = reader.sequence(keys["sections"], "sections", lambda n, f: _read_section(reader, n, f),
                               limit=MAX_SECTIONS)
    reader.check_unique(keys["sections"], "sections", [s.id for s in sections], "id", ".id")
    _check_one_contact_panel(reader, keys["sections"], sections)
    contact_ids = [c.id for c in facts.contacts] if facts else None
    contacts = _read_contact_texts(reader, keys["contacts"], contact_ids)
    control = _read_document_control_labels(reader, keys["document_control"])
    specs = facts.diagrams if facts is not None else None
    _check_diagrams_used(reader, sections, specs)
    diagrams = _read_diagram_labels(reader, keys["diagrams"], specs) if "diagrams" in keys else {}
    for diagram_id in _diagrams_used(sections):
        if diagram_id not in diagrams and (specs is None or diagram_id in specs):
            where = keys.get("diagrams", keys["sections"])
            reader.error(where, f"diagrams.{diagram_id}", "missing",
                         f"expected `diagrams: {diagram_id}:` with its labels (used at {diagram_id.location})")
    translation = _read_translation(reader, keys["translation"]) if "translation" in keys else None
    keywords = reader.sequence(keys["keywords"], "keywords", reader.text) if "keywords" in keys else []
    departments = _read_department_names(reader, root, keys.get("departments"), facts)
    if len(errors) > start:
        return None
    return LanguageContent(
        language=code, source=reader.path, institute=institute, title=title, subtitle=subtitle,
        labels=labels, sections=tuple(sections), contacts=contacts, document_control=control,
        diagrams=diagrams, translation=translation, keywords=tuple(keywords), departments=departments,
    )


def _read_department_names(reader: NodeReader, root: Node, node: Node | None,
                           facts: LeafletFacts | None) -> dict[str, Text]:
    """A language's `departments:`: the name of each department hospital.yaml lists, by id (as
    contacts are named: every one, so no desk heading is left unnamed in a language)."""
    wanted = facts.departments if facts is not None else None
    if node is None:
        if wanted:
            reader.error(root, "departments", "missing",
                         f"expected the name of each department in {HOSPITAL_FILE}, e.g. `departments: "
                         f"{{{wanted[0]}: <its name>}}`")
        return {}
    if wanted is None:  # leaflet.yaml could not be read: take the ids as written
        wanted = tuple(key.value for key, _ in node.value) if isinstance(node, MappingNode) else ()
    keys = reader.mapping(node, "departments", wanted)
    return {department: name for department, value in (keys or {}).items()
            if (name := reader.text(value, f"departments.{department}")) is not None}


def _diagrams_used(sections: list[Section]) -> list[Text]:
    return [block.kind for section in sections for block in section.blocks if isinstance(block, DiagramBlock)]


def _check_diagrams_used(reader: NodeReader, sections: list[Section], specs: dict[str, DiagramSpec] | None) -> None:
    """Every `- diagram: <id>` names a diagram that leaflet.yaml declares."""
    if specs is None:
        return
    for diagram_id in _diagrams_used(sections):
        if diagram_id not in specs:
            known = ", ".join(specs) or f"none yet (declare it under `diagrams:` in {FACTS_FILE})"
            reader.errors.append(f"{diagram_id.location}: diagram: no diagram called `{diagram_id}`; "
                                 f"expected one of: {known}")


def _read_diagram_labels(reader: NodeReader, node: Node, specs: dict[str, DiagramSpec] | None,
                         ) -> dict[str, dict[str, DiagramLabel]]:
    """The words of each diagram: exactly the labels its panels in leaflet.yaml name, in their shapes."""
    if not isinstance(node, MappingNode):
        reader.error(node, "diagrams", f"found {describe(node)}", "expected a mapping of diagram ids to labels")
        return {}
    known = tuple(specs) if specs is not None else tuple(key.value for key, _ in node.value)
    diagrams: dict[str, dict[str, DiagramLabel]] = {}
    for diagram_id, value in (reader.mapping(node, "diagrams", (), known) or {}).items():
        field = f"diagrams.{diagram_id}"
        shapes = specs[diagram_id].label_shapes() if specs is not None else None
        if shapes is not None:
            keys = reader.mapping(value, field, tuple(shapes))
        else:  # leaflet.yaml could not be read: take the labels as they are
            written = tuple(key.value for key, _ in value.value) if isinstance(value, MappingNode) else ()
            keys = reader.mapping(value, field, (), written)
        labels: dict[str, DiagramLabel] = {}
        for key, label_node in (keys or {}).items():
            label = _read_diagram_label(reader, label_node, join(field, key), shapes[key] if shapes else None)
            if label:
                labels[key] = label
        diagrams[diagram_id] = labels
    return diagrams


def _read_diagram_label(reader: NodeReader, node: Node, name: str, shape: LabelShape | None) -> DiagramLabel | None:
    if shape is None:  # leaflet.yaml could not be read: check what can be checked without it
        guess = "list" if isinstance(node, SequenceNode) else "item" if isinstance(node, MappingNode) else None
        return _read_diagram_label(reader, node, name, guess) if guess else reader.text(node, name)
    if shape == "list":
        return tuple(reader.sequence(node, name, reader.text)) or None
    if shape == "item":
        parts = reader.mapping(node, name, ("name", "description"))
        texts = [reader.text(parts[k], join(name, k)) for k in ("name", "description") if parts and k in parts]
        return NamedItem(*texts) if len(texts) == 2 and None not in texts else None
    label = reader.text(node, name)
    _check_placeholders(reader, node, name, label, {"percent"} if shape == "percent-text" else set())
    return label


def _read_translation(reader: NodeReader, node: Node) -> Translation | None:
    keys = reader.mapping(node, "translation", ("status", "label", "mark"))
    if keys is None or len(keys) < 3:
        return None
    status = reader.choice(keys["status"], "translation.status", ("draft", "reviewed"))
    label = reader.text(keys["label"], "translation.label")
    mark = reader.text(keys["mark"], "translation.mark")
    if status is None or label is None or mark is None:
        return None
    return Translation(status, label, mark)


# Babel patterns a language may give for times and dates: what each may hold, and an example.
_PATTERNS = {
    "time_format": (r"[hHkKm:. ]+a?", 'expected hours and minutes, e.g. "h:mm"'),
    "date_format": (r"(?:d{1,2}|M{1,4}|y{1,4}|'[^']+'|[ ,./-])+",
                    "expected day, month and year, e.g. \"d MMMM y\" (quote words: 'ء')"),
}


def _read_labels(reader: NodeReader, node: Node) -> Labels | None:
    keys = reader.mapping(node, "labels", _LABEL_FIELDS, (*_OPTIONAL_LABELS, *_PATTERNS))
    if keys is None or not set(_LABEL_FIELDS) <= set(keys):
        return None
    values: dict[str, object] = dict.fromkeys(_OPTIONAL_LABELS)
    for name in (*_LABEL_FIELDS, *(label for label in _OPTIONAL_LABELS if label in keys)):
        field = f"labels.{name}"
        value = reader.text(keys[name], field, "marker" if name == "list_number" else DEFAULT_KIND)
        _check_placeholders(reader, keys[name], field, value, _LABEL_PLACEHOLDERS.get(name, set()))
        values[name] = value
    for name, (form, expected) in _PATTERNS.items():
        if name in keys:
            pattern = reader.text(keys[name], f"labels.{name}")
            values[name] = str(pattern) if pattern is not None else None  # a code, not text to translate
            if values[name] is not None and not re.fullmatch(form, values[name]):
                reader.error(keys[name], f"labels.{name}", f"`{values[name]}` is not a {name.split('_')[0]} pattern",
                             expected)
    return Labels(**values)


def _check_placeholders(reader: NodeReader, node: Node, field: str, value: str | None, wanted: set[str]) -> None:
    """A translated text keeps exactly the {names} the program fills in."""
    if value is not None and set(re.findall(r"\{(\w*)\}", value)) != wanted:
        names = ", ".join(f"{{{p}}}" for p in sorted(wanted)) or "no {placeholders}"
        reader.error(node, field, "placeholders changed", f"expected exactly {names}")


def _read_section(reader: NodeReader, node: Node, field: str) -> Section | None:
    keys = reader.mapping(node, field, ("id", "blocks"), ("heading",))
    if keys is None or not {"id", "blocks"} <= set(keys):
        return None
    section_id = reader.identifier(keys["id"], join(field, "id"))
    heading = reader.text(keys["heading"], join(field, "heading")) if "heading" in keys else None
    blocks = reader.sequence(keys["blocks"], join(field, "blocks"), lambda n, f: _read_block(reader, n, f),
                             limit=MAX_BLOCKS)
    if section_id is None or ("heading" in keys and heading is None):
        return None
    return Section(section_id, heading, tuple(blocks))


def _read_block(reader: NodeReader, node: Node, field: str) -> Block | None:
    if isinstance(node, MappingNode) and len(node.value) > 1:
        reader.error(node, field, "a block with more than one key",
                     f"expected exactly one of: {', '.join(_BLOCK_KINDS)} (start a new `- ` item)")
        return None
    keys = reader.mapping(node, field, (), _BLOCK_KINDS)
    if keys is None:
        return None
    if not keys:
        if isinstance(node, MappingNode) and not node.value:
            reader.error(node, field, "empty block", f"expected one of: {', '.join(_BLOCK_KINDS)}")
        return None
    kind, value = next(iter(keys.items()))
    name = join(field, kind)
    if kind in ("bullets", "numbered"):
        items = reader.sequence(value, name, lambda n, f: reader.text(n, f, "bullet"))
        if not items:
            return None
        return BulletList(tuple(items)) if kind == "bullets" else NumberedList(tuple(items))
    if kind == "table":
        return _read_table(reader, value, name)
    if kind == "image":
        return _read_picture(reader, value, name)
    text = reader.text(value, name, kind if kind in ("paragraph", "callout") else DEFAULT_KIND)
    if text is None:
        return None
    block_types = {"paragraph": Paragraph, "heading": Subheading, "callout": Callout,
                   "contacts": ContactPanel, "diagram": DiagramBlock}
    return block_types[kind](text)


def _read_picture(reader: NodeReader, node: Node, field: str) -> Picture | None:
    """An image block: its file must be a drawable picture inside the content folder; alt is required."""
    keys = reader.mapping(node, field, ("file", "alt"), ("caption",))
    if keys is None or not {"file", "alt"} <= set(keys):
        return None
    name = reader.text(keys["file"], join(field, "file"))
    alt = reader.text(keys["alt"], join(field, "alt"))
    caption = reader.text(keys["caption"], join(field, "caption")) if "caption" in keys else None
    if name is None or alt is None or ("caption" in keys and caption is None):
        return None
    folder = Path(reader.path).parent
    problem = picture_problem(folder, name)
    if problem is not None:
        reader.error(keys["file"], join(field, "file"), *problem)
        return None
    return Picture(str(name), str(folder / name), alt, caption)


def _read_table(reader: NodeReader, node: Node, field: str) -> Table | None:
    """A header row and rows with as many cells, 1 to MAX_COLUMNS columns."""
    keys = reader.mapping(node, field, ("header", "rows"))
    if keys is None or not {"header", "rows"} <= set(keys):
        return None
    header = reader.sequence(keys["header"], join(field, "header"), reader.text, limit=MAX_COLUMNS)
    rows = reader.sequence(keys["rows"], join(field, "rows"),
                           lambda n, f: tuple(reader.sequence(n, f, reader.text, limit=MAX_COLUMNS)))
    if not header or not rows:
        return None
    for index, (row_node, row) in enumerate(zip(keys["rows"].value, rows, strict=False)):
        if len(row) != len(header) and len(row_node.value) == len(row):
            reader.error(row_node, f"{field}.rows[{index}]", f"{len(row)} cells",
                         f"expected {len(header)}, one under each heading of the header")
    if any(len(row) != len(header) for row in rows):
        return None
    return Table(tuple(header), tuple(rows))


def _check_one_contact_panel(reader: NodeReader, node: Node, sections: list[Section]) -> None:
    panels = sum(isinstance(b, ContactPanel) for s in sections for b in s.blocks)
    if sections and panels != 1:
        reader.error(node, "sections", f"{panels} contact panels",
                     "expected exactly one `- contacts: <heading>` block")


def _read_contact_texts(
    reader: NodeReader, node: Node, contact_ids: list[str] | None
) -> dict[str, ContactText]:
    """Contact wording by id; ids are checked against leaflet.yaml when that file was readable."""
    if not isinstance(node, MappingNode):
        reader.error(node, "contacts", f"found {describe(node)}", "expected a mapping of contact ids")
        return {}
    if contact_ids is None:
        contact_ids = [key.value for key, _ in node.value if isinstance(key, ScalarNode)]
    keys = reader.mapping(node, "contacts", tuple(contact_ids))
    texts: dict[str, ContactText] = {}
    for contact_id, value in (keys or {}).items():
        field = f"contacts.{contact_id}"
        parts = reader.mapping(value, field, (), ("role", "name", "note"))
        if parts is None:
            continue
        if "role" not in parts and "name" not in parts:
            reader.error(value, field, "no role or name", "expected `role:`, `name:` or both")
            continue
        role, name, note = (
            reader.text(parts[key], join(field, key)) if key in parts else None
            for key in ("role", "name", "note")
        )
        texts[contact_id] = ContactText(role, name, note)
    return texts


def _read_document_control_labels(reader: NodeReader, node: Node) -> DocumentControlLabels | None:
    keys = reader.mapping(node, "document_control", _DOCUMENT_CONTROL_FIELDS)
    if keys is None or len(keys) < len(_DOCUMENT_CONTROL_FIELDS):
        return None
    values = {name: reader.text(keys[name], f"document_control.{name}") for name in _DOCUMENT_CONTROL_FIELDS}
    return DocumentControlLabels(**values)
