-module(prog_sorts).
-export([main/0]).

%% Quicksort, mergesort, insertion sort, heap-ish sort via gb_sets, on pseudo-random data; checksums.

main() ->
    Data = rnd(2000, 7, []),
    Sorted = lists:sort(Data),
    Results = [{quick, qsort(Data)}, {merge, msort(Data)}, {insertion, isort(lists:sublist(Data, 300))},
               {tree, tsort(Data)}],
    [io:format("~p ~p ~p~n", [Name, check(Name, R, Data, Sorted), erlang:phash2(R)]) || {Name, R} <- Results],
    io:format("~p~n", [lists:sublist(Sorted, 15)]),
    io:format("~p~n", [lists:sum(Sorted)]),
    ok.

check(insertion, R, D, _) -> R =:= lists:sort(lists:sublist(D, 300));
check(_, R, _, S) -> R =:= S.

rnd(0, _, Acc) -> Acc;
rnd(N, S, Acc) -> S1 = (S * 16807) rem 2147483647, rnd(N - 1, S1, [S1 rem 100000 | Acc]).

qsort([]) -> [];
qsort([P | T]) ->
    {L, G} = lists:partition(fun(X) -> X < P end, T),
    qsort(L) ++ [P | qsort(G)].

msort([]) -> [];
msort([X]) -> [X];
msort(L) ->
    {A, B} = lists:split(length(L) div 2, L),
    merge(msort(A), msort(B)).

merge([], B) -> B;
merge(A, []) -> A;
merge([X | A], [Y | _] = B) when X =< Y -> [X | merge(A, B)];
merge(A, [Y | B]) -> [Y | merge(A, B)].

isort(L) -> lists:foldl(fun ins/2, [], L).
ins(X, []) -> [X];
ins(X, [Y | T]) when X =< Y -> [X, Y | T];
ins(X, [Y | T]) -> [Y | ins(X, T)].

tsort(L) ->
    T = lists:foldl(fun(X, Acc) -> gb_trees:enter(X, gb_trees_count(X, Acc) + 1, Acc) end, gb_trees:empty(), L),
    lists:append([lists:duplicate(C, K) || {K, C} <- gb_trees:to_list(T)]).

gb_trees_count(K, T) -> case gb_trees:lookup(K, T) of none -> 0; {value, C} -> C end.
