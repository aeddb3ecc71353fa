"""leaflet: patient-information leaflets from YAML content to print-ready PDFs."""
