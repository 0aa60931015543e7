-module(prog_fannkuch).
-export([main/0]).

%% fannkuch-redux for n = 7: permutations, list reversal prefix flips, checksum.

main() ->
    N = 7,
    {Checksum, MaxFlips} = run(perms(lists:seq(1, N)), 0, 0, 0),
    io:format("~w~nPfannkuchen(~w) = ~w~n", [Checksum, N, MaxFlips]),
    ok.

run([], _, C, M) -> {C, M};
run([P | Ps], I, C, M) ->
    F = flips(P, 0),
    C1 = case I rem 2 of 0 -> C + F; 1 -> C - F end,
    run(Ps, I + 1, C1, max(M, F)).

flips([1 | _], N) -> N;
flips([H | _] = L, N) ->
    {A, B} = lists:split(H, L),
    flips(lists:reverse(A, B), N + 1).

%% permutations in the same order as the reference (rotation based)
perms(L) -> lists:reverse(gen(L, length(L), [])).

gen(P, 1, Acc) -> [P | Acc];
gen(P, K, Acc) -> rot(P, K, K, Acc).

rot(_, _, 0, Acc) -> Acc;
rot(P, K, C, Acc) ->
    Acc1 = gen(P, K - 1, Acc),
    {Pre, Post} = lists:split(K, P),
    [H | T] = Pre,
    rot(T ++ [H] ++ Post, K, C - 1, Acc1).
