-module(atom_errors).
-export([main/0]).

%% Atom errors: length limit, non-existing atoms, bad arguments.

main() ->
    L255 = lists:duplicate(255, $a),
    io:format("~w~n", [length(atom_to_list(list_to_atom(L255)))]),
    io:format("~p~n", [t(fun() -> list_to_atom([$b | L255]) end)]),
    io:format("~p~n", [t(fun() -> binary_to_atom(list_to_binary([$b | L255]), latin1) end)]),
    U255 = lists:duplicate(255, 955),
    io:format("~w~n", [length(atom_to_list(list_to_atom(U255)))]),
    io:format("~p~n", [t(fun() -> list_to_atom([955 | U255]) end)]),
    io:format("~p~n", [t(fun() -> list_to_existing_atom("this_atom_does_not_exist_xyzzy_42") end)]),
    io:format("~p~n", [t(fun() -> binary_to_existing_atom(<<"nor_does_this_one_plugh_43">>, utf8) end)]),
    io:format("~p~n", [t(fun() -> list_to_atom(foo) end)]),
    io:format("~p~n", [t(fun() -> list_to_atom([a]) end)]),
    io:format("~p~n", [t(fun() -> list_to_atom("ab" ++ c) end)]),
    io:format("~p~n", [t(fun() -> atom_to_list("abc") end)]),
    io:format("~p~n", [t(fun() -> atom_to_binary(123, utf8) end)]),
    io:format("~p~n", [t(fun() -> binary_to_atom(<<"a">>, utf16) end)]),
    io:format("~p~n", [t(fun() -> binary_to_atom("a", utf8) end)]),
    io:format("~p~n", [t(fun() -> binary_to_atom(<<1:3>>, utf8) end)]),
    io:format("~p~n", [t(fun() -> list_to_existing_atom(L255 ++ "b") end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
