%% proc_alias.erl — process aliases (OTP 24+): alias/0,1, unalias/1,
%% monitor/3 with {alias, Mode} and {tag, Tag}, sending to an alias,
%% messages to an inactive alias dropped.
-module(proc_alias).
-export([main/0]).

main() ->
    A = alias(),
    A ! one,
    receive one -> io:format("got via alias~n") after 100 -> io:format("lost~n") end,
    io:format("unalias: ~p ~p~n", [unalias(A), unalias(A)]),
    A ! two,
    receive two -> io:format("inactive alias delivered~n") after 100 -> io:format("inactive alias dropped~n") end,
    R = alias([reply]),
    R ! first, R ! second,
    io:format("reply alias: ~p~n", [flush()]),
    io:format("unalias of plain ref: ~p~n", [try unalias(make_ref()) catch C:E -> {C, E} end]),
    io:format("alias bad opt: ~p~n", [try alias([bogus]) catch C2:E2 -> {C2, E2} end]),
    %% a server replying to a monitor alias, as gen:do_call does
    Self = self(),
    S = spawn(fun() -> receive {call, To} -> To ! reply1, To ! reply2, Self ! done end end),
    M = monitor(process, S, [{alias, reply_demonitor}]),
    S ! {call, M},
    receive done -> ok end,
    timer:sleep(20),
    io:format("reply_demonitor: ~p~n", [flush()]),
    %% demonitor mode: alias dies with the monitor
    S2 = spawn(fun() -> receive {call, To} -> To ! hello, receive stop -> ok end end end),
    M2 = monitor(process, S2, [{alias, demonitor}]),
    S2 ! {call, M2},
    receive hello -> ok end,
    demonitor(M2, [flush]),
    M2 ! after_demonitor,
    S2 ! stop,
    timer:sleep(20),
    io:format("demonitor mode: ~p~n", [flush()]),
    %% tag
    S3 = spawn(fun() -> receive stop -> exit(bye) end end),
    M3 = monitor(process, S3, [{tag, my_down}]),
    S3 ! stop,
    receive {my_down, M3, process, S3, Why} -> io:format("tagged down: ~p~n", [Why]) end,
    io:format("monitor/3 bad opt: ~p~n", [try monitor(process, self(), [x]) catch C3:E3 -> {C3, E3} end]),
    %% gen_server:call uses monitor aliases
    ok.

flush() ->
    receive X -> [X | flush()] after 0 -> [] end.
