"""Reading uploaded tables (kim_dash.readers): budgets, spreadsheets, ZIP containers."""

STRINGS: dict[str, dict[str, str]] = {
    "problem.too_many_rows": {
        "id": "jumlah baris melebihi batas {value}",
        "en": "more rows than the limit of {value}",
    },
    "problem.too_many_columns": {
        "id": "{detail} kolom, melebihi batas {value}",
        "en": "{detail} columns, more than the limit of {value}",
    },
    "problem.too_many_cells": {
        "id": "jumlah sel atau teks melebihi batas {value}",
        "en": "more cells or texts than the limit of {value}",
    },
    "problem.too_much_text": {
        "id": "total teks di semua sel melebihi batas {value} karakter",
        "en": "more text in all cells together than the limit of {value} characters",
    },
    "problem.too_many_sheets": {
        "id": "jumlah lembar kerja melebihi batas {value}",
        "en": "more sheets than the limit of {value}",
    },
    "problem.cell_too_long": {
        "id": "isi sel terlalu panjang ({detail} karakter)",
        "en": "cell text is too long ({detail} characters)",
    },
    "problem.control_character": {
        "id": "sel berisi karakter kendali: {value}",
        "en": "cell contains a control character: {value}",
    },
    "problem.control_character_more": {
        "id": "{value} sel lainnya juga berisi karakter kendali",
        "en": "{value} more cells contain control characters",
    },
    "problem.unclosed_quote": {
        "id": 'tanda kutip yang dibuka di baris ini tidak pernah ditutup (kurang satu ")',
        "en": 'a quoted field that starts on this row is never closed (a missing ")',
    },
    "problem.bad_spreadsheet": {
        "id": "berkas lembar kerja tidak dapat dibaca ({detail})",
        "en": "spreadsheet cannot be read ({detail})",
    },
    "problem.read_limit": {
        "id": "berkas lembar kerja tidak dapat dibaca dalam batas aman (rusak atau terlalu besar); "
        "simpan ulang sebagai .xlsx atau pecah menjadi beberapa berkas",
        "en": "spreadsheet cannot be read within the safety limits (damaged or too large); "
        "save it again as .xlsx, or split it into smaller files",
    },
    "problem.no_such_sheet": {
        "id": "lembar kerja '{value}' tidak ditemukan (yang ada: {detail})",
        "en": "sheet '{value}' not found (sheets: {detail})",
    },
    "problem.not_a_worksheet": {
        "id": "lembar '{value}' berisi bagan, bukan tabel",
        "en": "sheet '{value}' is a chart, not a table",
    },
    "problem.no_worksheet": {
        "id": "buku kerja ini tidak memiliki lembar kerja berisi tabel",
        "en": "the workbook has no sheet with a table",
    },
    "problem.empty_sheet": {
        "id": "lembar kerja '{value}' tidak berisi sel apa pun",
        "en": "sheet '{value}' has no cells",
    },
    "problem.save_as_xlsx": {
        "id": "berkas '.{value}' tidak dapat dibaca di sini: buka berkas itu di Excel atau LibreOffice Calc, "
        "pilih Simpan Sebagai dengan jenis 'Buku Kerja Excel (*.xlsx)', lalu unggah berkas barunya",
        "en": "'.{value}' files cannot be read here: open the file in Excel or LibreOffice Calc, "
        "choose Save As with the type 'Excel Workbook (*.xlsx)', and upload the new file",
    },
    "problem.macros": {
        "id": "berkas berisi makro; simpan sebagai Buku Kerja Excel (*.xlsx) biasa tanpa makro",
        "en": "file contains macros; save it as a plain Excel Workbook (*.xlsx) without macros",
    },
    "problem.external_links": {
        "id": "berkas bertaut ke buku kerja lain; salin sel sebagai nilai (Tempel Spesial › Nilai) "
        "lalu simpan ulang",
        "en": "file links to other workbooks; copy the cells as values (Paste Special › Values) "
        "and save it again",
    },
    "problem.password": {
        "id": "berkas dilindungi kata sandi; hapus kata sandinya lalu unggah ulang",
        "en": "file is password-protected; remove the password and upload it again",
    },
    "problem.not_utf16": {
        "id": "berkas tampak seperti teks UTF-16 tetapi tidak dapat dibaca (pada bita ke-{detail})",
        "en": "file looks like UTF-16 text but cannot be decoded (at byte {detail})",
    },
    "problem.binary_file": {
        "id": "berkas berisi data biner (bita NUL), bukan teks",
        "en": "file contains binary data (NUL bytes), not text",
    },
    "problem.zip_unsafe_path": {
        "id": "arsip berisi jalur berbahaya '{value}'",
        "en": "archive holds an unsafe path '{value}'",
    },
    "problem.zip_duplicate": {
        "id": "arsip berisi '{value}' lebih dari sekali",
        "en": "archive holds '{value}' more than once",
    },
    "problem.zip_too_big": {
        "id": "isi arsip berukuran {detail}; batasnya {value}",
        "en": "archive unpacks to {detail}; the limit is {value}",
    },
    "problem.zip_bomb": {
        "id": "'{value}' dimampatkan {detail}, terlalu rapat untuk tabel biasa (bom zip?)",
        "en": "'{value}' is compressed {detail}, too tightly for a real table (a zip bomb?)",
    },
    "problem.zip_too_many": {
        "id": "arsip berisi {detail} berkas; batasnya {value}",
        "en": "archive holds {detail} files; the limit is {value}",
    },
    "problem.zip_size_lie": {
        "id": "'{value}' di dalam arsip tidak sesuai ukuran yang dinyatakan (rusak atau dipalsukan)",
        "en": "'{value}' inside the archive is not the size it claims (damaged or forged)",
    },
}
