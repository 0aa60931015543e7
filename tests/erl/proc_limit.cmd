+P 1024 -s proc_limit fill_up -s init stop
