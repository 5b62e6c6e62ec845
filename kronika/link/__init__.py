"""Entity linking: codes of states and organisations (:mod:`.codes`), ids and name keys
(:mod:`.names`), one group per entity within an article (:mod:`.groups`, :mod:`.roles`), ids
across articles (:mod:`.corpus`), and the learnt name endings (:mod:`.suffixes`)."""
