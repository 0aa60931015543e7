-module(fmt_misc).
-export([main/0]).

%% ~c ~i ~n ~~, padding characters, ~* field widths, and error cases for io_lib:format.

main() ->
    io:format("|~c|~5c|~-5c|~.3c|~5.3c|~n", [$a, $b, $c, $d, $e]),
    io:format("|~c|~n", [955]),
    io:format("|~tc|~n", [955]),
    io:format("ignored:~i:~p~n", [skipped, shown]),
    io:format("tilde ~~ and newline~n"),
    io:format("|~*c|~n", [4, $z]),
    io:format("|~*.*.*w|~n", [10, 4, $., abcdefgh]),
    io:format("|~-*w|~n", [7, x]),
    io:format("|~10w|~-10w|~10.3w|~n", [abc, abc, abc]),
    io:format("|~10p|~n", [{a, b}]),
    io:format("|~.5w|~n", [123456789]),
    io:format("~s~n", [io_lib:format("~w ~w", [1, 2])]),
    io:format("~p~n", [io_lib:format("~w~n", [x])]),
    io:format("~p~n", [lists:flatten(io_lib:format("~~~w~~", [q]))]),
    io:format("no args~n", []),
    io:format("~p~n", [t(fun() -> io_lib:format("~w ~w", [1]) end)]),
    io:format("~p~n", [t(fun() -> io_lib:format("~w", [1, 2]) end)]),
    io:format("~p~n", [t(fun() -> io_lib:format("~q", [1]) end)]),
    io:format("~p~n", [t(fun() -> io_lib:format("~", []) end)]),
    io:format("~p~n", [t(fun() -> io_lib:format(bad, []) end)]),
    io:format("~p~n", [t(fun() -> io_lib:format("~w", notlist) end)]),
    io:format(<<"binary format ~w~n">>, [1]),
    io:format(atom_format_works_too),
    io:format("~n"),
    io:fwrite("fwrite ~p~n", [ok]),
    io:put_chars("put_chars\n"),
    io:put_chars(["io", $l, <<"ist\n">>]),
    io:nl(),
    io:write({written, term}),
    io:nl(),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
