"""KIM Dashboard entry point: `streamlit run app.py`. The app is kim_dash.ui.app_main.main()."""

from kim_dash.ui.app_main import main

main()
