-module(fmt_strings).
-export([main/0]).

%% ~s and ~ts with field widths, precisions, padding and adjustment; iolists and atoms as ~s.

main() ->
    Args = ["hello", <<"bin">>, hello, ["io", [$l, <<"ist">>]], ""],
    [io:format("|~s|~10s|~-10s|~.3s|~10.3s|~-10.3s|~n", [A, A, A, A, A, A]) || A <- Args],
    io:format("|~*s|~-*s|~n", [8, "star", 8, "star"]),
    io:format("|~10.._s|~-10.2.xs|~n", ["dots", "xx"]),
    io:format("|~ts|~10ts|~n", [[955, 945], <<"λα"/utf8>>]),
    io:format("|~s|~n", [[$a, 200, $z]]),
    io:format("~p~n", [t(fun() -> io_lib:format("~s", [[955]]) end)]),
    io:format("~p~n", [t(fun() -> io_lib:format("~s", [{tuple}]) end)]),
    io:format("~p~n", [t(fun() -> io_lib:format("~s", [1]) end)]),
    io:format("~p~n", [lists:flatten(io_lib:format("~ts", [[955]]))]),
    io:format("~p~n", [lists:flatten(io_lib:format("~-6s!", [abc]))]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
