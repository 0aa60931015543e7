-module(proc_monitor).
-export([main/0]).

%% Monitors: DOWN messages with reasons, demonitor, monitoring a dead process (noproc).

main() ->
    {P1, M1} = spawn_monitor(fun() -> exit(bye) end),
    receive {'DOWN', M1, process, P1, R1} -> io:format("1: ~p~n", [R1]) end,
    {P2, M2} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', M2, process, P2, R2} -> io:format("2: ~p~n", [R2]) end,
    {P3, M3} = spawn_monitor(fun() -> exit({badmatch, id(2)}) end),
    receive {'DOWN', M3, process, P3, R3} -> io:format("3: ~p~n", [R3]) end,
    M4 = monitor(process, P1),
    receive {'DOWN', M4, process, P1, R4} -> io:format("4: ~p~n", [R4]) end,
    P5 = spawn(fun() -> receive stop -> ok end end),
    M5 = monitor(process, P5),
    io:format("5: ~p~n", [demonitor(M5, [flush, info])]),
    P5 ! stop,
    receive {'DOWN', M5, _, _, _} -> io:format("5: unexpected~n") after 50 -> io:format("5: no DOWN~n") end,
    {P6, M6} = spawn_monitor(fun() -> receive never -> ok end end),
    exit(P6, kill),
    receive {'DOWN', M6, process, P6, R6} -> io:format("6: ~p~n", [R6]) end,
    ok.

id(X) -> X.
