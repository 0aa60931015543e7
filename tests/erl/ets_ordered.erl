-module(ets_ordered).
-export([main/0]).

%% ordered_set: term order of keys of every type, keys equal by == (1 and
%% 1.0), first/last/next/prev (also on absent keys), slot, take, insert_new,
%% delete_object, partially bound keys in match/select, select_reverse,
%% foldl/foldr, a larger tree with deletes, write_concurrency (same
%% semantics).

t(F) -> try F() catch C:R -> {C, R} end.
h(X) -> erlang:phash2(X).

main() ->
    lists:foreach(fun(Opts) -> run(ets:new(o, [ordered_set | Opts])) end,
                  [[], [public, {write_concurrency, true}], [{keypos, 1}, {read_concurrency, true}]]),
    ok.

run(O) ->
    io:format("~p~n", [[ets:first(O), ets:last(O), ets:next(O, 5), ets:prev(O, 5)]]),
    Keys = [3, 1.5, -2, 10000000000000000000000, atom, zz, "string", <<"bin">>, {1, 2}, {1, a},
            [1, 2], [], {}, 2.0, make_ref_free, 7],
    [ets:insert(O, {K, v}) || K <- Keys],
    io:format("~p~n", [[K || {K, _} <- ets:tab2list(O)]]),
    io:format("~p~n", [[ets:first(O), ets:last(O)]]),
    io:format("~p~n", [[ets:next(O, K) || K <- [2, 2.0, 2.5, 3, zz, <<"bin">>, 0, -100, atom, {1, b}]]]),
    io:format("~p~n", [[ets:prev(O, K) || K <- [2, 2.0, 2.5, 3, zz, <<"bin">>, 0, -100, atom, {1, b}]]]),
    io:format("~p ~p~n", [ets:lookup(O, 2), ets:lookup(O, 3.0)]),
    io:format("~p~n", [ets:insert_new(O, {2, dup})]),
    io:format("~p~n", [ets:insert(O, {2, replaced})]),
    io:format("~p~n", [ets:lookup(O, 2.0)]),
    io:format("~p~n", [ets:delete_object(O, {2.0, replaced})]),
    io:format("~p~n", [ets:lookup(O, 2)]),
    io:format("~p~n", [ets:delete_object(O, {2, replaced})]),
    io:format("~p~n", [ets:lookup(O, 2)]),
    io:format("~p ~p~n", [ets:take(O, 3.0), ets:take(O, 3)]),
    io:format("~p~n", [ets:member(O, 1.5)]),
    io:format("~p~n", [[ets:slot(O, I) || I <- lists:seq(0, ets:info(O, size))]]),
    io:format("~p~n", [t(fun() -> ets:slot(O, ets:info(O, size) + 1) end)]),
    io:format("~p~n", [t(fun() -> ets:slot(O, -1) end)]),
    io:format("~p~n", [ets:match(O, {{1, '$1'}, '_'})]),
    io:format("~p~n", [ets:match_object(O, {[1 | '_'], '_'})]),
    io:format("~p~n", [ets:select(O, [{{'$1', '_'}, [{is_number, '$1'}], ['$1']}])]),
    io:format("~p~n", [ets:select_reverse(O, [{{'$1', '_'}, [{is_number, '$1'}], ['$1']}])]),
    io:format("~p~n", [element(1, ets:select_reverse(O, [{{'$1', '_'}, [], ['$1']}], 4))]),
    io:format("~p~n", [ets:foldl(fun({K, _}, A) -> [K | A] end, [], O)]),
    io:format("~p~n", [ets:foldr(fun({K, _}, A) -> [K | A] end, [], O)]),
    io:format("~p~n", [ets:select_count(O, [{{'$1', '_'}, [{is_atom, '$1'}], [true]}])]),
    ets:delete_all_objects(O),
    [ets:insert(O, {I, I * I}) || I <- lists:seq(1, 3000)],
    [ets:delete(O, I) || I <- lists:seq(1, 3000, 3)],
    io:format("~p ~p~n", [ets:info(O, size), h(ets:tab2list(O))]),
    io:format("~p~n", [[ets:next(O, 1), ets:prev(O, 1), ets:next(O, 2999.5), ets:prev(O, 1.5)]]),
    io:format("~p~n", [[ets:slot(O, 0), ets:slot(O, 1000), ets:slot(O, 1999), ets:slot(O, 2000)]]),
    io:format("~p~n", [ets:select(O, [{{'$1', '$2'}, [{'>', '$1', 2990}], [{{'$1', '$2'}}]}])]),
    ets:delete(O).
