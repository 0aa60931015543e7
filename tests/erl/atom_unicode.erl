-module(atom_unicode).
-export([main/0]).

%% Atoms with code points above 255.

main() ->
    A = list_to_atom([955, 945, 956, 946, 948, 945]),
    io:format("~w~n", [atom_to_list(A)]),
    io:format("~w~n", [atom_to_binary(A, utf8)]),
    io:format("~tp~n", [A]),
    io:format("~p~n", [A]),
    io:format("~w~n", [A]),
    io:format("~ts~n", [atom_to_binary(A, utf8)]),
    B = binary_to_atom(<<"日本語"/utf8>>, utf8),
    io:format("~w ~w~n", [length(atom_to_list(B)), byte_size(atom_to_binary(B))]),
    io:format("~tp~n", [{B, [B]}]),
    io:format("~p~n", [t(fun() -> atom_to_binary(A, latin1) end)]),
    io:format("~p~n", [t(fun() -> binary_to_atom(<<255, 255>>, utf8) end)]),
    io:format("~p~n", [t(fun() -> list_to_atom([16#110000]) end)]),
    io:format("~p~n", [t(fun() -> list_to_atom([-1]) end)]),
    E = list_to_atom([16#1F600]),
    io:format("~w ~w~n", [atom_to_list(E), atom_to_binary(E)]),
    io:format("~w~n", [lists:sort([B, A, E, a, 'Z', 'é'])]),
    io:format("~w~n", [term_to_binary(A)]),
    io:format("~w~n", [term_to_binary('é')]),
    io:format("~w~n", [term_to_binary(abc)]),
    io:format("~w~n", [binary_to_term(<<131, 100, 0, 1, 233>>)]),
    io:format("~w~n", [binary_to_term(<<131, 115, 1, 233>>)]),
    io:format("~w~n", [binary_to_term(<<131, 119, 2, 195, 169>>)]),
    io:format("~w~n", [binary_to_term(<<131, 118, 0, 2, 195, 169>>) =:= 'é']),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
