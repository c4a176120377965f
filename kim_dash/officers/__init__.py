"""Data officers: who may store data from the page, and what they store.

Public names, by module:
- `roles`: officers from configuration (e-mail and/or group claim, per kabupaten/kota)
- `page_import`: an officer's validated upload stored through `store.imports.store_import`
- `registry_changes`: a KIM formed or ended, stored as a new dated registry snapshot
"""
