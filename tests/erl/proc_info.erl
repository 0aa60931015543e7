-module(proc_info).
-export([main/0, idle/0]).
%% process_info/1,2: the deterministic items.

idle() -> receive stop -> ok end.

main() ->
    Self = self(),
    io:format("~p~n", [process_info(Self, registered_name)]),
    register(proc_info_main, Self),
    io:format("~p~n", [process_info(Self, registered_name)]),
    unregister(proc_info_main),
    put(k, v),
    io:format("~p~n", [process_info(Self, dictionary)]),
    io:format("~p~n", [process_info(Self, [trap_exit, status, message_queue_len])]),
    Self ! one, Self ! {two, [2]},
    io:format("~p~n", [process_info(Self, messages)]),
    io:format("~p~n", [process_info(Self, message_queue_len)]),
    receive one -> ok end, receive {two, _} -> ok end,
    io:format("~p~n", [process_info(Self, current_function)]),
    [{proc_info, main, 0, _} | _] = element(2, process_info(Self, current_stacktrace)),
    P = spawn(?MODULE, idle, []),
    io:format("~p~n", [process_info(P, initial_call)]),
    io:format("~p~n", [process_info(P, [links, monitors, trap_exit, priority])]),
    link(P),
    io:format("~p~n", [process_info(Self, links) =:= {links, [P]}]),
    M = monitor(process, P),
    io:format("~p~n", [process_info(Self, monitors) =:= {monitors, [{process, P}]}]),
    io:format("~p~n", [process_info(P, monitored_by) =:= {monitored_by, [Self]}]),
    demonitor(M), unlink(P),
    P ! stop,
    timer:sleep(20),
    io:format("~p~n", [process_info(P, status)]),
    io:format("~p~n", [process_info(P)]),
    {'EXIT', {R1, [{erlang, process_info, [_, no_such_item], _} | _]}} = (catch process_info(self(), no_such_item)),
    {'EXIT', {R2, _}} = (catch process_info(not_a_pid, status)),
    io:format("~p ~p~n", [R1, R2]),
    Items = [K || {K, _} <- process_info(Self)],
    io:format("~p~n", [Items]),
    ok.
