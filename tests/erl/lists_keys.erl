-module(lists_keys).
-export([main/0]).

%% lists key functions: keyfind, keysearch, keymember, keydelete, keyreplace, keystore,
%% keytake, keysort, ukeysort, keymerge, ukeymerge, keymap.

main() ->
    L = [{b, 2, x}, {a, 1, y}, {c, 3, z}, {a, 4, w}, {1, 5, v}, {1.0, 6, u}],
    io:format("~p~n", [lists:keyfind(a, 1, L)]),
    io:format("~p~n", [lists:keyfind(1, 1, L)]),
    io:format("~p~n", [lists:keyfind(1.0, 1, L)]),
    io:format("~p~n", [lists:keyfind(z, 3, L)]),
    io:format("~p~n", [lists:keyfind(q, 1, L)]),
    io:format("~p~n", [lists:keyfind(a, 5, L)]),
    io:format("~p~n", [lists:keysearch(c, 1, L)]),
    io:format("~p ~p~n", [lists:keymember(c, 1, L), lists:keymember(c, 2, L)]),
    io:format("~p~n", [lists:keydelete(a, 1, L)]),
    io:format("~p~n", [lists:keyreplace(a, 1, L, {new})]),
    io:format("~p~n", [lists:keystore(a, 1, L, {a, 0, s})]),
    io:format("~p~n", [lists:keystore(q, 1, L, {q, 0, s})]),
    io:format("~p~n", [lists:keytake(c, 1, L)]),
    io:format("~p~n", [lists:keytake(q, 1, L)]),
    io:format("~p~n", [lists:keysort(1, L)]),
    io:format("~p~n", [lists:keysort(2, L)]),
    io:format("~p~n", [lists:keysort(3, L)]),
    io:format("~p~n", [lists:ukeysort(1, L)]),
    io:format("~p~n", [lists:keymerge(1, [{a, 1}, {c, 1}, {e, 1}], [{b, 2}, {c, 2}, {d, 2}])]),
    io:format("~p~n", [lists:ukeymerge(1, [{a, 1}, {c, 1}, {e, 1}], [{b, 2}, {c, 2}, {d, 2}])]),
    io:format("~p~n", [lists:keymap(fun(X) -> X * 10 end, 2, L)]),
    io:format("~p~n", [lists:keysort(1, [{x, 1}, {y, 2}, {x, 3}, {y, 4}, {x, 5}])]),
    io:format("~p~n", [t(fun() -> lists:keyfind(a, 0, L) end)]),
    io:format("~p~n", [t(fun() -> lists:keyfind(a, 1, x) end)]),
    io:format("~p~n", [lists:keyfind(a, 1, [a, {a}, [a]])]),
    io:format("~p~n", [t(fun() -> lists:keysort(0, L) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
