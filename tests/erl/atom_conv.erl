-module(atom_conv).
-export([main/0]).

%% atom_to_list, list_to_atom, atom_to_binary/binary_to_atom with encodings; quoting in ~p/~w.

main() ->
    As = [a, 'A', 'hello world', '', 'a-b', 'é', 'with\'quote', 'new\nline', '[]', '{}', 'true', 'nil',
          'ok', 'Ok', '_x', x_1, 'x@y', 'x.y', '1a', 'a1', 'and', 'case', 'receive', '=:=', '!', 'ÿ'],
    [io:format("~p ~w ~s ~p ~p~n", [A, A, atom_to_list(A), atom_to_binary(A), atom_to_binary(A, latin1)]) || A <- As],
    io:format("~p~n", [list_to_atom("abc")]),
    io:format("~p~n", [list_to_atom([255, 233])]),
    io:format("~p~n", [binary_to_atom(<<"xyz">>, utf8)]),
    io:format("~p~n", [binary_to_atom(<<"xyz">>, latin1)]),
    io:format("~p~n", [binary_to_atom(<<233>>, latin1)]),
    io:format("~p~n", [binary_to_atom(<<195, 169>>, utf8)]),
    io:format("~p~n", [binary_to_atom(<<"q">>)]),
    io:format("~p~n", [binary_to_existing_atom(<<"ok">>, utf8)]),
    io:format("~p~n", [list_to_existing_atom("error")]),
    io:format("~p~n", [atom_to_binary('é', utf8)]),
    io:format("~w~n", [atom_to_list('é')]),
    io:format("~p~n", [[A =:= list_to_atom(atom_to_list(A)) || A <- As]]),
    ok.
