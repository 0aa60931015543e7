-module(io_lib_misc).
-export([main/0]).

%% io_lib:write, write_string, write_atom, print, char_list, deep_char_list, fwrite, indentation, nl,
%% io_lib:format_prompt-free helpers, write/2 with depth, io_lib:chars_length.

main() ->
    io:format("~s~n", [io_lib:write({a, "b", [c], <<"d">>, 1.5})]),
    io:format("~s~n", [io_lib:write(lists:seq(1, 20), 5)]),
    io:format("~s~n", [io_lib:write_string("quote\"me")]),
    io:format("~s~n", [io_lib:write_string("tab\tnl\n")]),
    io:format("~s~n", [io_lib:write_atom('needs quotes')]),
    io:format("~s~n", [io_lib:write_atom(plain)]),
    io:format("~s~n", [io_lib:write_char($a)]),
    io:format("~s~n", [io_lib:write_char($\n)]),
    io:format("~s~n", [io_lib:print({x, lists:seq(1, 30)})]),
    io:format("~s~n", [io_lib:print({x, lists:seq(1, 30)}, 1, 30, -1)]),
    io:format("~p~n", [io_lib:char_list("abc")]),
    io:format("~p~n", [io_lib:char_list([a])]),
    io:format("~p~n", [io_lib:deep_char_list(["ab", ["c"]])]),
    io:format("~p~n", [io_lib:chars_length("abc")]),
    io:format("~s~n", [io_lib:fwrite("~w-~w", [1, 2])]),
    io:format("~p~n", [io_lib:nl()]),
    io:format("~p~n", [io_lib:indentation("  \tx", 3)]),
    io:format("~p~n", [io_lib:format("~w", [x])]),
    io:format("~p~n", [io_lib:build_text(io_lib:scan_format("~w and ~p", [a, "b"]))]),
    io:format("~p~n", [io_lib:unscan_format(io_lib:scan_format("~5.2f|~s", [1.0, "s"]))]),
    io:format("~s~n", [io_lib:write_string_as_latin1("latin")]),
    io:format("~p~n", [io_lib:latin1_char_list([233])]),
    ok.
