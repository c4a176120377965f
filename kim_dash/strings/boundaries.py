"""Boundary files (GeoJSON, zipped Shapefile, GeoPackage): why a file or a feature was refused.

{value} is always the file's own data (a name, a layer, coordinates) and is shown as data;
{detail} is the app's own text (a limit, the accepted types).
"""

STRINGS: dict[str, dict[str, str]] = {
    "problem.boundary_unsupported": {
        "id": "jenis berkas '{value}' tidak didukung; gunakan {detail} (Shapefile dalam ZIP)",
        "en": "file type '{value}' is not supported; use {detail} (a Shapefile inside a ZIP)",
    },
    "problem.zip_broken": {
        "id": "berkas ZIP rusak atau bukan ZIP",
        "en": "the ZIP file is damaged or not a ZIP",
    },
    "problem.zip_too_large": {
        "id": "berkas ZIP ditolak: isinya terlalu besar ({value}); batas {detail}",
        "en": "ZIP file refused: its content is too large ({value}); the limit is {detail}",
    },
    "problem.zip_no_shapefile": {
        "id": "ZIP tidak berisi Shapefile (berkas {detail})",
        "en": "the ZIP holds no Shapefile ({detail} files)",
    },
    "problem.shapefile_part_missing": {
        "id": "bagian Shapefile '{value}' tidak ada di dalam ZIP",
        "en": "Shapefile part '{value}' is missing from the ZIP",
    },
    "problem.bad_shapefile": {
        "id": "Shapefile '{value}' rusak dan tidak terbaca",
        "en": "Shapefile '{value}' is damaged and cannot be read",
    },
    "problem.not_json": {
        "id": "berkas bukan JSON yang sah (GeoJSON harus berupa teks JSON UTF-8)",
        "en": "the file is not valid JSON (GeoJSON must be UTF-8 JSON text)",
    },
    "problem.json_too_deep": {
        "id": "JSON bersarang terlalu dalam",
        "en": "the JSON is nested too deeply",
    },
    "problem.geojson_type": {
        "id": "GeoJSON harus berupa FeatureCollection atau Feature, bukan '{value}'",
        "en": "GeoJSON must be a FeatureCollection or a Feature, not '{value}'",
    },
    "problem.geojson_feature": {
        "id": "fitur ini bukan Feature GeoJSON yang sah",
        "en": "this feature is not a valid GeoJSON Feature",
    },
    "problem.bad_crs_member": {
        "id": "anggota 'crs' '{value}' tidak dikenal; hanya bentuk EPSG (EPSG:4326, urn:ogc:def:crs:EPSG::4326) atau CRS84",
        "en": "'crs' member '{value}' is not understood; only EPSG forms (EPSG:4326, urn:ogc:def:crs:EPSG::4326) or CRS84",
    },
    "problem.bad_crs": {
        "id": "sistem koordinat '{value}' tidak terbaca atau tidak dua dimensi",
        "en": "coordinate reference system '{value}' cannot be read or is not two-dimensional",
    },
    "problem.unsafe_crs": {
        "id": "sistem koordinat ditolak: definisinya merujuk ke berkas atau perintah PROJ",
        "en": "coordinate reference system refused: its definition refers to files or a PROJ string",
    },
    "problem.no_crs_projected": {
        "id": "berkas tidak menyebut sistem koordinat dan koordinatnya ({value}) bukan derajat bujur/lintang; sertakan berkas .prj atau simpan ulang dalam EPSG:4326",
        "en": "the file names no coordinate reference system and its coordinates ({value}) are not longitude/latitude degrees; include the .prj file or save it again in EPSG:4326",
    },
    "problem.reprojection_failed": {
        "id": "koordinat tidak dapat diubah dari '{value}' ke EPSG:4326",
        "en": "coordinates cannot be transformed from '{value}' to EPSG:4326",
    },
    "problem.out_of_range": {
        "id": "setelah diubah ke EPSG:4326, koordinat berada di luar rentang bujur/lintang ({value}); sistem koordinat berkas tampaknya salah",
        "en": "after transforming to EPSG:4326 the coordinates fall outside longitude/latitude ({value}); the file's coordinate reference system looks wrong",
    },
    "problem.no_features": {
        "id": "berkas tidak berisi fitur",
        "en": "the file holds no features",
    },
    "problem.no_polygons": {
        "id": "tidak ada poligon yang dapat dipakai di antara {detail} fitur",
        "en": "no usable polygon among {detail} features",
    },
    "problem.no_geometry_layer": {
        "id": "berkas tidak memiliki lapisan dengan geometri (hanya tabel atribut)",
        "en": "the file has no layer with geometry (attribute tables only)",
    },
    "problem.no_geometry": {
        "id": "data batas wilayah tidak memiliki kolom geometri",
        "en": "the boundary data has no geometry column",
    },
    "problem.no_name_column": {
        "id": "tidak ada kolom kode atau nama wilayah (dicari: {detail})",
        "en": "no code or name column (looked for: {detail})",
    },
    "problem.choose_layer": {
        "id": "berkas berisi {detail} lapisan; pilih satu: {value}",
        "en": "the file holds {detail} layers; choose one: {value}",
    },
    "problem.unknown_layer": {
        "id": "lapisan '{value}' tidak ada di dalam berkas",
        "en": "layer '{value}' is not in the file",
    },
    "problem.too_many_features": {
        "id": "terlalu banyak fitur ({value}); batas {detail}",
        "en": "too many features ({value}); the limit is {detail}",
    },
    "problem.too_many_vertices": {
        "id": "terlalu banyak titik sudut; batas {detail} untuk seluruh berkas",
        "en": "too many vertices; the limit is {detail} for the whole file",
    },
    "problem.too_many_attributes": {
        "id": "terlalu banyak kolom atribut ({value}); batas {detail}",
        "en": "too many attribute columns ({value}); the limit is {detail}",
    },
    "problem.bad_column_name": {
        "id": "nama kolom atribut '{value}' kosong atau lebih dari {detail} karakter",
        "en": "attribute column name '{value}' is empty or longer than {detail} characters",
    },
    "problem.text_too_long": {
        "id": "nilai atribut lebih dari {detail} karakter",
        "en": "attribute value longer than {detail} characters",
    },
    "problem.gpkg_not_sqlite": {
        "id": "berkas bukan GeoPackage (bukan basis data SQLite)",
        "en": "the file is not a GeoPackage (not an SQLite database)",
    },
    "problem.gpkg_not_geopackage": {
        "id": "basis data SQLite ini bukan GeoPackage",
        "en": "this SQLite database is not a GeoPackage",
    },
    "problem.gpkg_broken": {
        "id": "GeoPackage rusak atau tabel metadatanya tidak lengkap",
        "en": "the GeoPackage is damaged or its metadata tables are incomplete",
    },
    "problem.gpkg_virtual_table": {
        "id": "lapisan '{value}' adalah tabel virtual atau tampilan; hanya tabel biasa yang dibaca",
        "en": "layer '{value}' is a virtual table or a view; only plain tables are read",
    },
    "problem.gpkg_extended_geometry": {
        "id": "geometri berformat GeoPackage yang diperluas tidak didukung",
        "en": "extended GeoPackage geometry is not supported",
    },
    "problem.too_complex": {
        "id": "bentuk wilayah terlalu rumit untuk diperbaiki atau digabung dalam {detail} detik (banyak tepi yang saling berpotongan)",
        "en": "the shapes are too complex to repair or merge within {detail} seconds (many edges crossing each other)",
    },
    "problem.drop_no_geometry": {
        "id": "fitur dilewati: tanpa geometri",
        "en": "feature skipped: no geometry",
    },
    "problem.drop_not_polygon": {
        "id": "fitur dilewati: geometrinya bukan poligon",
        "en": "feature skipped: its geometry is not a polygon",
    },
    "problem.drop_bad_geometry": {
        "id": "fitur dilewati: geometrinya rusak",
        "en": "feature skipped: its geometry is malformed",
    },
    "problem.drop_repair_not_polygon": {
        "id": "fitur dilewati: setelah diperbaiki tidak tersisa bidang poligon",
        "en": "feature skipped: no polygon area remains after repair",
    },
}
