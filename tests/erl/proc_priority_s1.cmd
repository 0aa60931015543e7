+S 1 -s proc_priority order -s init stop
