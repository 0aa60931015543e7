%% ring.erl — a ring of P processes passing a token around until M messages
%% have been sent in all (message send, receive and scheduling).
%% group: processes
%% args: procs msgs
%% full: 10000 1000000
%% quick: 10000 100000
-module(ring).
-export([main/1]).

%% A ring member forwards the token, counting down; whoever holds it at 0
%% tells the main process.
member(Next) ->
    receive
        {token, 0, Main} -> Main ! done, member(Next);
        {token, K, Main} -> Next ! {token, K - 1, Main}, member(Next);
        stop -> Next ! stop
    end.

%% The main process is the ring's last member: it forwards to the head.
build(0, Next) -> Next;
build(P, Next) -> build(P - 1, spawn(fun() -> member(Next) end)).

forward(Head) ->
    receive
        {token, 0, _} -> ok;
        done -> ok;
        {token, K, Main} -> Head ! {token, K - 1, Main}, forward(Head)
    end.

main([PS, MS]) ->
    P = bench_lib:int(PS), M = bench_lib:int(MS),
    Self = self(),
    Head = build(P - 1, Self),
    {_, Us} = bench_lib:timed(fun() -> Head ! {token, M - 1, Self}, forward(Head) end),
    Head ! stop,
    bench_lib:report({P, M}, Us).
