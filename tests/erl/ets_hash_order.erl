-module(ets_hash_order).
-export([main/0]).

%% Iteration order of set/bag/duplicate_bag tables follows ERTS's hash
%% table layout: tab2list, first/next, select, match, slot, through growth
%% (bucket splits), shrinking, write_concurrency (lock-striped iteration)
%% and decentralized counters. Keys: integers, atoms, floats, strings,
%% binaries, bignums (tuple keys holding atoms hash differently on girder).

h(X) -> erlang:phash2(X).

walk(T) -> walk(T, ets:first(T)).
walk(_, '$end_of_table') -> [];
walk(T, K) -> [K | walk(T, ets:next(T, K))].

main() ->
    T = ets:new(t, [set]),
    [ets:insert(T, {K}) || K <- [1, 2, 3, 300, a, b, c, {7}, "str", <<"bin">>, 2.5,
                                 -7, 100000000000000000000, [1, 2], foo, bar, baz]],
    io:format("~p~n", [ets:tab2list(T)]),
    io:format("~p~n", [walk(T)]),
    io:format("~p~n", [ets:last(T) =:= ets:first(T)]),
    io:format("~p~n", [ets:prev(T, 300)]),
    io:format("~p~n", [ets:select(T, [{{'$1'}, [], ['$1']}])]),
    io:format("~p~n", [ets:select_reverse(T, [{{'$1'}, [], ['$1']}])]),
    io:format("~p~n", [ets:match(T, {'$1'})]),
    io:format("~p~n", [ets:match_object(T, '_')]),
    io:format("~p~n", [[{I, ets:slot(T, I)} || I <- lists:seq(0, 256), ets:slot(T, I) =/= []]]),
    io:format("~p~n", [(catch ets:next(T, not_a_key)) =/= ok]),
    io:format("~p~n", [ets:foldl(fun({K}, A) -> [K | A] end, [], T)]),
    io:format("~p~n", [ets:foldr(fun({K}, A) -> [K | A] end, [], T)]),
    G = ets:new(g, [set]),
    [ets:insert(G, {I, I * 2}) || I <- lists:seq(1, 5000)],
    io:format("grow ~p ~p~n", [h(ets:tab2list(G)), lists:sublist(ets:tab2list(G), 6)]),
    io:format("walk ~p~n", [h(walk(G))]),
    io:format("slots ~p~n", [[length(ets:slot(G, I)) || I <- lists:seq(0, 40)]]),
    [ets:delete(G, I) || I <- lists:seq(1, 4800)],
    io:format("shrink ~p ~p~n", [h(ets:tab2list(G)), lists:sublist(ets:tab2list(G), 6)]),
    [ets:insert(G, {I, x}) || I <- lists:seq(10000, 14000)],
    io:format("regrow ~p~n", [h(ets:tab2list(G))]),
    ets:insert(G, [{[K], K} || K <- lists:seq(1, 200)]),
    io:format("list insert ~p~n", [h(ets:tab2list(G))]),
    W = ets:new(w, [set, public, {write_concurrency, true}]),
    [ets:insert(W, {I}) || I <- lists:seq(1, 3000)],
    io:format("wc ~p ~p~n", [h(ets:tab2list(W)), lists:sublist(ets:tab2list(W), 8)]),
    io:format("wc walk ~p~n", [lists:sublist(walk(W), 8)]),
    A = ets:new(a, [set, public, {write_concurrency, auto}]),
    [ets:insert(A, {I}) || I <- lists:seq(1, 3000)],
    io:format("auto ~p ~p~n", [h(ets:tab2list(A)), lists:sublist(ets:tab2list(A), 8)]),
    [ets:delete(A, I) || I <- lists:seq(1, 2990)],
    io:format("auto shrink ~p~n", [ets:tab2list(A)]),
    P = ets:new(p, [set, private, {write_concurrency, true}]),
    [ets:insert(P, {I}) || I <- lists:seq(1, 300)],
    io:format("private wc ~p~n", [h(ets:tab2list(P))]),
    B = ets:new(b, [bag]),
    [ets:insert(B, {I rem 37, I}) || I <- lists:seq(1, 2000)],
    io:format("bag ~p ~p~n", [h(ets:tab2list(B)), ets:lookup(B, 5) -- lists:seq(1, 0)]),
    ets:insert(B, [{k, 1}, {k, 2}, {k, 3}]),
    ets:insert(B, {k, 4}),
    ets:insert(B, [{k, 2}, {k, 5}]),
    io:format("bag list ~p~n", [ets:lookup(B, k)]),
    D = ets:new(d, [duplicate_bag]),
    [ets:insert(D, {I rem 37, I rem 3}) || I <- lists:seq(1, 2000)],
    io:format("dbag ~p ~p~n", [h(ets:tab2list(D)), ets:lookup(D, 3)]),
    ets:insert(D, [{k, 1}, {k, 2}, {k, 1}]),
    ets:insert(D, {k, 3}),
    io:format("dbag list ~p~n", [ets:lookup(D, k)]),
    ok.
