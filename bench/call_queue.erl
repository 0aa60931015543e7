%% call_queue.erl — gen_server:call round trips made by a process with Q
%% unrelated messages waiting in its own queue: each call's receive must skip
%% them (in constant time with the receive-marker optimisation).
%% group: processes
%% args: queued calls
%% full: 100000 200000
%% quick: 100000 20000
-module(call_queue).
-behaviour(gen_server).
-export([main/1, init/1, handle_call/3, handle_cast/2]).

init(N) -> {ok, N}.
handle_call(add, _From, N) -> {reply, N + 1, N + 1}.
handle_cast(_, S) -> {noreply, S}.

calls(_, 0, Acc) -> Acc;
calls(S, N, Acc) -> calls(S, N - 1, Acc + gen_server:call(S, add) rem 7).

main([QS, CS]) ->
    Q = bench_lib:int(QS), C = bench_lib:int(CS),
    {ok, S} = gen_server:start(?MODULE, 0, []),
    [self() ! {unrelated, I} || I <- lists:seq(1, Q)],
    {R, Us} = bench_lib:timed(fun() -> calls(S, C, 0) end),
    {message_queue_len, Left} = process_info(self(), message_queue_len),
    bench_lib:report({R, Left}, Us),
    bench_lib:metric("us_per_call", Us / C, "us", info).
