-module(prog_nrev).
-export([main/0]).

%% Naive reverse benchmark kernel (append-heavy), run a fixed number of times; checksum.

main() ->
    L = lists:seq(1, 300),
    R = loop(200, L, []),
    io:format("~w ~w ~w~n", [length(R), hd(R), lists:sum(R)]),
    io:format("~w~n", [nrev(lists:seq(1, 20))]),
    io:format("~w~n", [erlang:phash2(nrev(lists:seq(1, 1000)))]),
    ok.

loop(0, _, Acc) -> Acc;
loop(N, L, _) -> loop(N - 1, L, nrev(L)).

nrev([]) -> [];
nrev([H | T]) -> app(nrev(T), [H]).

app([], L) -> L;
app([H | T], L) -> [H | app(T, L)].
