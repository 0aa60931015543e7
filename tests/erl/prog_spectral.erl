-module(prog_spectral).
-export([main/0]).

%% spectral-norm with tuples as vectors, n = 100.

main() ->
    N = 100,
    U0 = erlang:make_tuple(N, 1.0),
    {U, V} = iterate(10, N, U0),
    VBv = lists:sum([element(I, U) * element(I, V) || I <- lists:seq(1, N)]),
    VV = lists:sum([element(I, V) * element(I, V) || I <- lists:seq(1, N)]),
    io:format("~.9f~n", [math:sqrt(VBv / VV)]),
    ok.

iterate(0, _, U) -> {U, U};
iterate(1, N, U) -> V = atav(N, U), {atav(N, V), V};
iterate(K, N, U) -> V = atav(N, U), iterate(K - 1, N, atav(N, V)).

a(I, J) -> 1.0 / ((I + J) * (I + J + 1) / 2 + I + 1).

av(N, V) -> list_to_tuple([lists:sum([a(I, J) * element(J + 1, V) || J <- lists:seq(0, N - 1)]) || I <- lists:seq(0, N - 1)]).
atv(N, V) -> list_to_tuple([lists:sum([a(J, I) * element(J + 1, V) || J <- lists:seq(0, N - 1)]) || I <- lists:seq(0, N - 1)]).
atav(N, V) -> atv(N, av(N, V)).
