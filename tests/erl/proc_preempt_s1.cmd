+S 1 -s proc_preempt main -s init stop
