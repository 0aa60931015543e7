%% pingpong.erl — two processes sending a message back and forth N times
%% (round trips): the cost of send, receive and a context switch.
%% group: processes
%% args: n
%% full: 1000000
%% quick: 100000
-module(pingpong).
-export([main/1]).

pong() ->
    receive
        {ping, From, K} -> From ! {pong, K}, pong();
        stop -> ok
    end.

ping(_, 0, Acc) -> Acc;
ping(P, N, Acc) ->
    P ! {ping, self(), N},
    receive {pong, K} -> ping(P, N - 1, Acc + K) end.

main([NS]) ->
    N = bench_lib:int(NS),
    P = spawn(fun pong/0),
    {R, Us} = bench_lib:timed(fun() -> ping(P, N, 0) end),
    P ! stop,
    bench_lib:report(R, Us).
