-module(cmp_ops).
-export([main/0]).

%% Comparison operators on every pair from a mixed set of terms.

main() ->
    Vals = [0, 1, 1.0, -1, 1 bsl 64, a, b, {1}, {1, 2}, [], [1], "a", <<"a">>, <<>>, #{}, #{a => 1}],
    [io:format("~w ~w: ~w~n", [A, B, [A < B, A == B, A =:= B, A >= B]]) || A <- Vals, B <- Vals, A =/= B, index(A, Vals) < index(B, Vals)],
    io:format("~w~n", [lists:sort(Vals)]),
    ok.

index(X, L) -> index(X, L, 1).
index(X, [Y | _], N) when X =:= Y -> N;
index(X, [_ | T], N) -> index(X, T, N + 1).
