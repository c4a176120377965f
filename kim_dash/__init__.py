"""KIM Dashboard: data, ranking, coverage and planning for Kelompok Informasi Masyarakat.

Plain Python: nothing here imports Streamlit except the `kim_dash.ui` subpackage.
"""

from kim_dash.store.dataset import Dataset, DatasetError, Problem, load_dataset

__all__ = ["Dataset", "DatasetError", "Problem", "load_dataset"]
