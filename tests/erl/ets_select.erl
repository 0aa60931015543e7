-module(ets_select).
-export([main/0]).

%% select/match/match_object with and without chunks, continuations
%% (select/1), select_reverse, select_count, select_delete, select_replace,
%% on hash tables (erl's bucket order and chunk splitting, also across more
%% than 1000 objects) and ordered_set tables.

h(X) -> erlang:phash2(X).
t(F) -> try F() catch C:R -> {C, R} end.

chunks(R) -> chunks(R, []).
chunks('$end_of_table', Acc) -> lists:reverse(Acc);
chunks({L, C}, Acc) -> chunks(ets:select(C), [L | Acc]).

main() ->
    T = ets:new(t, [set]),
    [ets:insert(T, {I, I rem 7}) || I <- lists:seq(1, 3000)],
    MS = [{{'$1', '$2'}, [{'<', '$2', 3}], ['$1']}],
    io:format("a ~p~n", [h(ets:select(T, MS))]),
    Cs = chunks(ets:select(T, MS, 100)),
    io:format("b ~p ~p ~p~n", [length(Cs), [length(C) || C <- Cs], h(Cs)]),
    Cs2 = chunks(ets:select(T, MS, 1000)),
    io:format("c ~p ~p~n", [[length(C) || C <- Cs2], h(Cs2)]),
    Cs3 = chunks(ets:match(T, {'$1', 5}, 7)),
    io:format("d ~p ~p~n", [[length(C) || C <- Cs3], h(Cs3)]),
    Cs4 = chunks(ets:match_object(T, {'_', 0}, 333)),
    io:format("e ~p ~p~n", [[length(C) || C <- Cs4], h(Cs4)]),
    io:format("f ~p~n", [ets:select_count(T, MS)]),
    io:format("g ~p~n", [h(ets:select_reverse(T, MS))]),
    Cs5 = chunks(ets:select_reverse(T, MS, 50)),
    io:format("h ~p ~p~n", [[length(C) || C <- Cs5], h(Cs5)]),
    io:format("i ~p~n", [ets:select_delete(T, [{{'_', 6}, [], [true]}])]),
    io:format("j ~p ~p~n", [ets:info(T, size), h(ets:tab2list(T))]),
    io:format("k ~p~n", [ets:select_replace(T, [{{'$1', 5}, [], [{{'$1', five}}]}])]),
    io:format("l ~p~n", [h(ets:tab2list(T))]),
    {M0, C0} = ets:select(T, [{{1, '$1'}, [], ['$1']}, {{2, '$1'}, [], ['$1']}], 1),
    io:format("m ~p ~p~n", [M0, ets:select(C0)]),
    {M1, C1} = ets:select(T, [{{1, '$1'}, [], ['$1']}, {{2, '$1'}, [], ['$1']}, {{8, '$1'}, [], ['$1']}], 2),
    io:format("n ~p ~p~n", [M1, ets:select(C1)]),
    io:format("n2 ~p~n", [ets:select(T, [{{nokey, '$1'}, [], ['$1']}], 2)]),
    io:format("n3 ~p~n", [ets:select(T, [{{1, '$1', '$2'}, [], ['$1']}], 2)]),
    io:format("n4 ~p ~p~n", [ets:select(T, []), ets:select(T, [], 3)]),
    io:format("n5 ~p~n", [ets:select('$end_of_table')]),
    io:format("n6 ~p~n", [[t(fun() -> ets:select(T, MS, N) end) || N <- [0, -1, a]]]),
    io:format("n7 ~p~n", [[t(fun() -> ets:select(T, M) end) || M <- [foo, [foo], [{a, b}], [{'_', [], []}]]]]),
    io:format("n8 ~p~n", [[t(fun() -> ets:select(C) end) || C <- [foo, {}, {1, 2}, {T, a, b, c, d, e}]]]),
    E = ets:new(e, []),
    io:format("n9 ~p ~p ~p~n", [ets:select(E, MS), ets:select(E, MS, 5), ets:match(E, '_', 1)]),
    ets:insert(E, {only, 1}),
    io:format("n10 ~p~n", [ets:select(E, [{'_', [], ['$_']}], 5)]),
    O = ets:new(o, [ordered_set]),
    [ets:insert(O, {I, I rem 5}) || I <- lists:seq(1, 2500)],
    OM = [{{'$1', '$2'}, [{'=:=', '$2', 1}], ['$1']}],
    Os = chunks(ets:select(O, OM, 100)),
    io:format("o ~p ~p~n", [[length(C) || C <- Os], h(Os)]),
    Os2 = chunks(ets:select_reverse(O, OM, 77)),
    io:format("p ~p ~p ~p~n", [[length(C) || C <- Os2], h(Os2), hd(Os2)]),
    io:format("q ~p~n", [lists:sublist(ets:select_reverse(O, [{{'$1', '_'}, [], ['$1']}]), 5)]),
    io:format("r ~p~n", [ets:select(O, [{{7, '$1'}, [], ['$1']}], 1)]),
    io:format("s ~p~n", [ets:select(O, [{{7, '$1'}, [], ['$1']}, {{7.0, '$1'}, [], ['$1']}], 1)]),
    io:format("t ~p~n", [ets:select(O, [{{100000, '$1'}, [], ['$1']}], 1)]),
    io:format("t2 ~p~n", [ets:select(O, [{{{a, '_'}, '$1'}, [], ['$1']}], 3)]),
    {L1, Cont} = ets:select(O, [{{'$1', '_'}, [{'<', '$1', 5}], ['$1']}], 4),
    io:format("u ~p ~p~n", [L1, ets:select(Cont)]),
    {L2, Cont2} = ets:select(O, [{{'$1', '_'}, [{'<', '$1', 9}], ['$1']}], 4),
    {L3, Cont3} = ets:select(Cont2),
    io:format("u2 ~p ~p ~p~n", [L2, L3, ets:select(Cont3)]),
    io:format("v ~p~n", [ets:select_delete(O, [{{'$1', '_'}, [{'>', '$1', 10}], [true]}])]),
    io:format("w ~p ~p~n", [ets:select_replace(O, [{{'$1', '$2'}, [], [{{'$1', {'+', '$2', 100}}}]}]),
                            ets:tab2list(O)]),
    io:format("x ~p~n", [ets:select_count(O, [{'_', [], [true]}])]),
    io:format("y ~p ~p~n", [[ets:slot(O, I) || I <- lists:seq(0, 10)], t(fun() -> ets:slot(O, 11) end)]),
    %% select_replace must keep the key
    io:format("z ~p~n", [[t(fun() -> ets:select_replace(O, R) end) ||
                            R <- [[{{'$1', '$2'}, [], [{{'$2', '$1'}}]}],
                                  [{{'$1', '$2'}, [], [{{'$1', '$2'}}, x]}],
                                  [{{'$1', '$2'}, [], ['$_']}],
                                  [{{'$1', '$2'}, [], [{const, {1, 2}}]}],
                                  [{{1, '$2'}, [], [{const, {1, new}}]}],
                                  [{{'$1', '$2'}, [], [{{{element, 1, '$_'}, z}}]}]]]]),
    io:format("z2 ~p~n", [ets:tab2list(O)]),
    B = ets:new(b, [bag]),
    io:format("z3 ~p~n", [t(fun() -> ets:select_replace(B, [{'_', [], ['$_']}]) end)]),
    io:format("z4 ~p ~p~n", [ets:select_delete(T, [{'_', [], [true]}]), ets:info(T, size)]),
    io:format("z5 ~p~n", [ets:match_delete(O, {'_', 101})]),
    io:format("z6 ~p~n", [ets:tab2list(O)]),
    ok.
