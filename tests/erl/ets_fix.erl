-module(ets_fix).
-export([main/0]).

%% safe_fixtable: deletes during a fixation leave placeholders (objects keep
%% their place when re-inserted), no growth while fixed, delete_all_objects
%% on a fixed table; bag/duplicate_bag delete_object/take/insert_new; big
%% select_delete on public and protected tables (shrinking).
h(X) -> erlang:phash2(X).
walk(T) -> walk(T, ets:first(T)).
walk(_, '$end_of_table') -> [];
walk(T, K) -> [K | walk(T, ets:next(T, K))].
main() ->
    T = ets:new(t, [set, public]),
    [ets:insert(T, {I}) || I <- lists:seq(1, 600)],
    ets:safe_fixtable(T, true),
    [ets:delete(T, I) || I <- lists:seq(1, 300)],
    [ets:insert(T, {I}) || I <- lists:seq(601, 1200)],
    [ets:insert(T, {I, again}) || I <- lists:seq(1, 50)],
    io:format("a ~p ~p~n", [ets:info(T, size), h(ets:tab2list(T))]),
    io:format("b ~p~n", [h(walk(T))]),
    ets:safe_fixtable(T, false),
    io:format("c ~p ~p~n", [ets:info(T, size), h(ets:tab2list(T))]),
    ets:insert(T, {5000}),
    io:format("d ~p~n", [h(ets:tab2list(T))]),
    %% next on a deleted key while fixed
    ets:safe_fixtable(T, true),
    ets:delete(T, 700),
    io:format("e ~p~n", [ets:next(T, 700)]),
    io:format("f ~p~n", [ets:delete_all_objects(T)]),
    io:format("g ~p ~p~n", [ets:info(T, size), ets:tab2list(T)]),
    [ets:insert(T, {I}) || I <- lists:seq(1, 20)],
    ets:safe_fixtable(T, false),
    io:format("h ~p~n", [ets:tab2list(T)]),
    io:format("i ~p~n", [ets:delete_all_objects(T)]),
    [ets:insert(T, {I}) || I <- lists:seq(1, 20)],
    io:format("j ~p~n", [ets:tab2list(T)]),
    B = ets:new(b, [bag]),
    ets:insert(B, [{k, 1}, {k, 2}, {k, 3}, {j, 1}]),
    ets:safe_fixtable(B, true),
    ets:delete_object(B, {k, 2}),
    ets:insert(B, {k, 4}),
    ets:insert(B, {k, 2}),
    io:format("k ~p~n", [ets:lookup(B, k)]),
    ets:safe_fixtable(B, false),
    io:format("l ~p~n", [ets:lookup(B, k)]),
    ets:safe_fixtable(B, true),
    io:format("m ~p~n", [ets:take(B, k)]),
    ets:insert(B, {k, 9}),
    io:format("n ~p~n", [ets:tab2list(B)]),
    ets:safe_fixtable(B, false),
    D = ets:new(d, [duplicate_bag]),
    ets:insert(D, [{k, 1}, {k, 2}, {k, 1}, {k, 3}]),
    ets:delete_object(D, {k, 1}),
    io:format("o ~p~n", [ets:lookup(D, k)]),
    ets:insert(D, [{k, 1}, {k, 1}]),
    io:format("p ~p ~p~n", [ets:lookup(D, k), ets:select_delete(D, [{{k, 1}, [], [true]}])]),
    io:format("q ~p~n", [ets:lookup(D, k)]),
    io:format("r ~p~n", [ets:insert_new(D, {k, 5})]),
    io:format("s ~p~n", [ets:insert_new(D, [{z, 1}, {k, 5}])]),
    io:format("t ~p~n", [ets:insert_new(D, [{z, 1}, {y, 5}])]),
    io:format("u ~p~n", [ets:tab2list(D)]),
    %% big select_delete on public table (trap + fix emulation)
    P = ets:new(p, [set, public]),
    [ets:insert(P, {I}) || I <- lists:seq(1, 6000)],
    io:format("v ~p~n", [ets:select_delete(P, [{{'$1'}, [{'>', '$1', 100}], [true]}])]),
    [ets:delete(P, I) || I <- lists:seq(1, 50)],
    io:format("w ~p~n", [h(ets:tab2list(P))]),
    [ets:insert(P, {I}) || I <- lists:seq(1, 6000)],
    Q = ets:new(q, [set, protected]),
    [ets:insert(Q, {I}) || I <- lists:seq(1, 6000)],
    io:format("x ~p~n", [ets:select_delete(Q, [{{'$1'}, [{'>', '$1', 100}], [true]}])]),
    [ets:delete(Q, I) || I <- lists:seq(1, 50)],
    io:format("y ~p ~p~n", [h(ets:tab2list(Q)), [ets:slot(Q, 0), ets:slot(Q, 1)]]),
    ok.
