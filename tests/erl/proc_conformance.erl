-module(proc_conformance).
-export([main/0, hib/0]).

%% Process behaviours that OTP's process suites (receive_SUITE, after_SUITE,
%% monitor_SUITE, process_SUITE, hibernate_SUITE, erl_link_SUITE) found
%% wrong or missing: receive timeouts beyond 32 bits, the save pointer after
%% a bad timeout, nested receive markers, exit/2 to oneself (no catch sees
%% it), is_process_alive/1 ordered after one's own exit signal, monitors of
%% ports and of other nodes' pids, spawn_opt's monitor and scheduler
%% options, process_flag's argument checks, process_info items.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    process_flag(trap_exit, true),
    timeouts(),
    markers(),
    exit_self(),
    alive(),
    monitors(),
    spawn_opts(),
    flags(),
    infos(),
    multi_scheduling(),
    reductions(),
    ok.

bad_after(T) -> receive never -> ok after T -> ok end.

timeouts() ->
    Vals = [-1, 0.0, 16#100000000, 1 bsl 70, xxx, 16#ffffffff, 0],
    io:format("~p~n", [[case t(fun() -> spawn_wait(V) end) of
                            {error, R} -> R;
                            Other -> Other
                        end || V <- Vals]]),
    %% the next receive after a bad timeout starts at the first message
    self() ! init,
    _ = t(fun() -> bad_after(blupp) end),
    io:format("~p~n", [receive init -> got_init after 100 -> lost end]).

%% a timeout value is only checked when the receive waits; 16#ffffffff
%% would wait 49 days, so a message ends it
spawn_wait(V) when V =:= 16#ffffffff ->
    Self = self(),
    spawn(fun() -> Self ! wake end),
    receive wake -> woke after V -> timeout end;
spawn_wait(V) -> bad_after(V), timed_out.

%% three nested request/reply rounds, each on a fresh monitor reference,
%% with old messages in the queue: replies come in the right order
markers() ->
    Echo = spawn_link(fun echo/0),
    [self() ! {old, N} || N <- lists:seq(1, 50)],
    R = call(Echo, 3),
    Old = flush_old(0),
    unlink(Echo),
    exit(Echo, kill),
    io:format("~p ~p~n", [R, Old]).

call(_Echo, 0) -> [];
call(Echo, N) ->
    M = erlang:monitor(process, Echo),
    Echo ! {M, self(), N},
    Inner = call(Echo, N - 1),
    R = receive {M, X} -> X end,
    erlang:demonitor(M, [flush]),
    [R | Inner].

echo() ->
    receive {M, From, N} -> From ! {M, N * 10}, echo() end.

flush_old(N) -> receive {old, _} -> flush_old(N + 1) after 0 -> N end.

%% exit(self(), R): the process ends with R even inside catch, unless it
%% traps exits (then a message; kill is never trapped)
exit_self() ->
    Cases = [fun() -> catch exit(self(), die), exit(survived) end,
             fun() -> catch exit(self(), normal), exit(survived) end,
             fun() -> catch exit(self(), kill), exit(survived) end,
             fun() -> process_flag(trap_exit, true), catch exit(self(), kill),
                      exit(survived) end,
             fun() -> process_flag(trap_exit, true), catch exit(self(), die),
                      receive {'EXIT', _, M} -> exit({got, M}) end end],
    io:format("~p~n", [[begin
                            P = spawn_link(F),
                            receive {'EXIT', P, R} -> R end
                        end || F <- Cases]]).

%% is_process_alive/1 answers after the caller's earlier signals arrived
alive() ->
    Rs = [begin
              P = spawn(fun busy/0),
              exit(P, kill),
              is_process_alive(P)
          end || _ <- lists:seq(1, 20)],
    W = spawn(fun() -> receive _ -> ok end end),
    io:format("~p ~p ~p~n", [lists:usort(Rs), is_process_alive(W),
                             is_process_alive(self())]),
    exit(W, kill).

busy() -> busy().

monitors() ->
    M1 = erlang:monitor(port, no_such_port),
    M2 = erlang:monitor(port, {no_such_port, node()}),
    Ext = binary_to_term(<<131,88,100,0,10,"other@host",0,0,18,103,0,0,0,17,0,0,0,5>>),
    M3 = erlang:monitor(process, Ext),
    M4 = erlang:monitor(process, no_such_name, [{tag, my_tag}]),
    Got = [receive {Tag, M, Type, _, R} -> {Tag, Type, R} after 1000 -> none end
           || M <- [M1, M2, M3, M4]],
    io:format("~p~n", [Got]),
    io:format("~p~n", [t(fun() -> erlang:monitor(process, {foo, 'other@host'}) end)]).

spawn_opts() ->
    {P, M} = spawn_opt(fun() -> ok end, [{monitor, [{alias, explicit_unalias}]}]),
    R1 = receive {'DOWN', M, process, P, normal} -> down end,
    {P2, M2} = spawn_opt(fun() -> ok end, [{monitor, [{tag, done}]}]),
    R2 = receive {done, M2, process, P2, normal} -> tagged end,
    Self = self(),
    P3 = spawn_opt(fun() -> Self ! {self(), bound} end, [{scheduler, 1}]),
    R3 = receive {P3, X} -> X end,
    io:format("~p~n", [[R1, R2, R3,
                        t(fun() -> spawn_opt(fun() -> ok end, [{scheduler, -1}]) end),
                        t(fun() -> spawn_opt(fun() -> ok end, [{monitor, [bad]}]) end)]]).

flags() ->
    Bad = [fun() -> process_flag(max_heap_size, #{}) end,
           fun() -> process_flag(max_heap_size, #{kill => true}) end,
           fun() -> process_flag(save_calls, hmmm) end,
           fun() -> process_flag(gurka, save_calls, hmmm) end,
           fun() -> process_flag(scheduler, -1) end],
    io:format("~p~n", [[element(1, t(F)) || F <- Bad]]),
    io:format("~p~n", [[process_flag(save_calls, 0), process_flag(self(), save_calls, 0),
                        process_flag(scheduler, 1), process_flag(scheduler, 0)]]),
    Old = process_flag(min_bin_vheap_size, 50000),
    New = process_info(self(), min_bin_vheap_size),
    process_flag(min_bin_vheap_size, Old),
    io:format("~p ~p~n", [Old, New]).

infos() ->
    Self = self(),
    P = spawn(fun() -> receive stop -> ok end end),
    io:format("~p~n", [[process_info(P, parent) =:= {parent, Self},
                        process_info(P, last_calls),
                        process_info(P, min_bin_vheap_size)]]),
    Big = binary:copy(<<1>>, 1000),
    {binary, Bins} = process_info(self(), binary),
    io:format("~p~n", [[{S, C} || {_, S, C} <- Bins, S =:= byte_size(Big)]]),
    P ! stop,
    io:format("~p~n", [t(fun() -> erlang:hibernate(?MODULE, hib, lists:duplicate(1025, x)) end)]).

hib() -> ok.

multi_scheduling() ->
    Self = self(),
    S0 = erlang:system_info(multi_scheduling),
    B1 = erlang:system_flag(multi_scheduling, block_normal),
    I1 = {erlang:system_info(multi_scheduling),
          erlang:system_info(normal_multi_scheduling_blockers) =:= [Self],
          erlang:system_info(multi_scheduling_blockers)},
    B2 = erlang:system_flag(multi_scheduling, block),
    I2 = {erlang:system_info(multi_scheduling),
          erlang:system_info(multi_scheduling_blockers) =:= [Self]},
    U1 = erlang:system_flag(multi_scheduling, unblock),
    U2 = erlang:system_flag(multi_scheduling, unblock_normal),
    P = spawn(fun() -> erlang:system_flag(multi_scheduling, block), Self ! blocked,
                       receive stop -> ok end end),
    receive blocked -> ok end,
    I3 = erlang:system_info(multi_scheduling),
    Ref = monitor(process, P),
    P ! stop,
    receive {'DOWN', Ref, _, _, _} -> ok end,
    I4 = erlang:system_info(multi_scheduling),
    io:format("~p~n", [[S0, B1, I1, B2, I2, U1, U2, I3, I4]]).

%% bump_reductions counts at once; yield costs no more than a call
reductions() ->
    erlang:yield(),
    {reductions, R1} = process_info(self(), reductions),
    true = erlang:bump_reductions(100),
    {reductions, R2} = process_info(self(), reductions),
    erlang:yield(),
    erlang:yield(),
    {reductions, R3} = process_info(self(), reductions),
    io:format("~p ~p~n", [R2 - R1 >= 100 andalso R2 - R1 < 110, R3 - R2 < 30]).

