%% gc_vheap.erl — the virtual binary heap: a process that makes and drops
%% large binaries while allocating little on its heap does not keep them
%% alive (a collection runs once it holds much dead binary data), also when
%% the binaries arrive as messages; binaries kept are not freed.
-module(gc_vheap).
-export([main/0]).

churn(0, Acc) -> Acc;
churn(N, Acc) ->
    B = binary:copy(<<N:8>>, 1000000),
    churn(N - 1, Acc + binary:first(B)).

sink(0, Acc) -> Acc;
sink(N, Acc) -> receive B -> sink(N - 1, Acc + byte_size(B)) end.

main() ->
    Self = self(),
    spawn(fun() ->
                  S = churn(300, 0),
                  Self ! {churned, S, erlang:memory(binary) < 20000000}
          end),
    receive {churned, S, Flat} -> io:format("churn ~p, binary memory bounded: ~p~n", [S, Flat]) end,
    Sink = spawn(fun() -> Self ! {sunk, sink(300, 0), erlang:memory(binary) < 20000000} end),
    [Sink ! binary:copy(<<I:8>>, 1000000) || I <- lists:seq(1, 300)],
    receive {sunk, T, Flat2} -> io:format("sink ~p, binary memory bounded: ~p~n", [T, Flat2]) end,
    Keep = [binary:copy(<<I:8>>, 100000) || I <- lists:seq(1, 50)],
    erlang:garbage_collect(),
    io:format("kept ~p~n", [lists:sum([byte_size(B) || B <- Keep])]).
