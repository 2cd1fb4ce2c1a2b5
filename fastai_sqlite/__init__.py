"""Keep an image dataset in one SQLite file and train fastai straight from it

Modules:

- `fastai_sqlite.export`: Out of a dataset: files back to a folder (`export`), a tar file (`export_tar`), a subset into another dataset (`subset`), several datasets into one (`merge`).
- `fastai_sqlite.patches`: Two changes to fastai and fastcore, each applied only when you call it: splits of millions of items without a minute of Python, and distributed training on CPU."""

__version__ = "0.1.0"
