%% fannkuch.erl — the Benchmarks Game's fannkuch-redux over permutations held
%% as lists, with flips done by list reversal of a prefix: tuples and lists.
%% group: sequential
%% args: n
%% full: 9
%% quick: 8
-module(fannkuch).
-export([main/1]).

%% Every permutation of 1..N in the order of the counting scheme used by the
%% reference programs; we fold over them with a checksum and the max flips.
run(N) ->
    Perm = lists:seq(1, N),
    Count = list_to_tuple(lists:seq(1, N)),
    loop(Perm, Count, N, 0, 0, 0).

loop(Perm, Count, N, Idx, Sum, Max) ->
    F = flips(Perm, 0),
    Sum1 = case Idx band 1 of 0 -> Sum + F; 1 -> Sum - F end,
    Max1 = max(Max, F),
    case next(Perm, Count, 2, N) of
        done -> {Sum1, Max1};
        {Perm1, Count1} -> loop(Perm1, Count1, N, Idx + 1, Sum1, Max1)
    end.

flips([1 | _], F) -> F;
flips([H | _] = P, F) ->
    {A, B} = lists:split(H, P),
    flips(lists:reverse(A, B), F + 1).

%% Rotate the first I elements left by one; counts as a mixed-radix counter.
next(_, _, I, N) when I > N -> done;
next(Perm, Count, I, N) ->
    Perm1 = rotate(Perm, I),
    C = element(I, Count) - 1,
    if C >= 1 -> {Perm1, setelement(I, Count, C)};
       true -> next(Perm1, setelement(I, Count, I), I + 1, N)
    end.

rotate([H | T], I) ->
    {A, B} = lists:split(I - 1, T),
    A ++ [H | B].

main([N]) ->
    {R, Us} = bench_lib:timed(fun() -> run(bench_lib:int(N)) end),
    bench_lib:report(R, Us).
