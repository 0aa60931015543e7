-module(proc_link_exit).
-export([main/0]).

%% Links and trap_exit: EXIT messages with reasons, spawn_link, exit/2, normal exits.
%% (Spawned processes only ever exit, never crash with error/throw: erl would log an
%% =ERROR REPORT==== with a timestamp and pid on stdout, asynchronously.)

main() ->
    process_flag(trap_exit, true),
    P1 = spawn_link(fun() -> exit(custom_reason) end),
    receive {'EXIT', P1, R1} -> io:format("1: ~p~n", [R1]) end,
    P2 = spawn_link(fun() -> ok end),
    receive {'EXIT', P2, R2} -> io:format("2: ~p~n", [R2]) end,
    P3 = spawn_link(fun() -> exit({crashed, [1, 2]}) end),
    receive {'EXIT', P3, R3} -> io:format("3: ~p~n", [R3]) end,
    P4 = spawn_link(fun() -> receive never -> ok end end),
    exit(P4, kill),
    receive {'EXIT', P4, R4} -> io:format("4: ~p~n", [R4]) end,
    P5 = spawn_link(fun() -> receive never -> ok end end),
    exit(P5, shutdown),
    receive {'EXIT', P5, R5} -> io:format("5: ~p~n", [R5]) end,
    P6 = spawn_link(fun() -> try throw(ball) catch throw:B -> exit({caught, B}) end end),
    receive {'EXIT', P6, R6} -> io:format("6: ~p~n", [R6]) end,
    P7 = spawn(fun() -> receive go -> exit(late) end end),
    link(P7),
    P7 ! go,
    receive {'EXIT', P7, R7} -> io:format("7: ~p~n", [R7]) end,
    io:format("~p~n", [process_flag(trap_exit, false)]),
    ok.
