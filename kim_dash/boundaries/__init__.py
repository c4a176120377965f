"""Areas on a map: the shipped display boundaries, and uploaded boundary files read safely.

Public names, by module:
- `shipped`: the 514 kabupaten/kota and their kecamatan, simplified, as shipped in data/boundaries
- `upload`: `read_boundary_file` (GeoJSON, zipped Shapefile, GeoPackage -> EPSG:4326 polygons, never via GDAL)
- `geojson`, `shapefile`, `gpkg`, `wkb`, `base`: the readers, each bounded before GEOS sees a byte
- `repair`: validity, repair and simplification of user geometry in a bounded child process
- `join`: `BoundaryJoin` (a file's areas matched to kecamatan codes), reprojection, simplification
"""
