"""Language policy as code, one module per language: what a character means, how text is
compared, where a word or sentence may start. Every other module asks here instead of keeping
its own copy of a rule (:mod:`toolkit.lang.khmer`)."""
