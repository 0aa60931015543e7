%% gc_max_heap.erl — max_heap_size: a process that grows past its limit is
%% killed (reason killed, seen by a monitor and a trapping linked process),
%% one without kill keeps running, and the VM goes on. (error_logger is off
%% so that no report is printed: erl prints it through the logger.)
-module(gc_max_heap).
-export([main/0]).

grow(N, Acc) when N > 0 -> grow(N - 1, [N | Acc]);
grow(_, Acc) -> length(Acc).

main() ->
    Opt = {max_heap_size, #{size => 10000, kill => true, error_logger => false}},
    {P, R} = spawn_opt(fun() -> grow(1000000, []) end, [monitor, Opt]),
    receive {'DOWN', R, process, P, Why} -> io:format("monitor: ~p~n", [Why]) end,
    process_flag(trap_exit, true),
    L = spawn_opt(fun() -> grow(1000000, []) end, [link, Opt]),
    receive {'EXIT', L, Why2} -> io:format("link: ~p~n", [Why2]) end,
    Self = self(),
    NoKill = {max_heap_size, #{size => 10000, kill => false, error_logger => false}},
    spawn_opt(fun() -> Self ! {len, grow(200000, [])} end, [NoKill]),
    receive {len, Len} -> io:format("without kill: ~p~n", [Len]) end,
    Small = spawn_opt(fun() -> Self ! {len, grow(100, [])} end, [Opt]),
    receive {len, Len2} -> io:format("under the limit: ~p ~p~n", [Len2, is_pid(Small)]) end,
    P2 = spawn(fun() -> process_flag(max_heap_size, #{size => 5000, error_logger => false}),
                        grow(1000000, []) end),
    R2 = monitor(process, P2),
    receive {'DOWN', R2, process, P2, Why3} -> io:format("process_flag: ~p~n", [Why3]) end,
    io:format("vm fine: ~p~n", [grow(10, [])]).
