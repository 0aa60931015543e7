-module(exc_stacktrace_full).
-export([main/0]).

%% Complete stack traces, including the frames of init that started main/0 via -s, and
%% erlang:get_stacktrace-free forms: try ... catch C:R:S and process_info-free capture.

main() ->
    try level1(id(1)) catch C:R:S -> io:format("~p~n~p~n", [{C, R}, S]) end,
    try lists:map(fun(X) -> 10 div X end, [1, 0]) catch C2:R2:S2 -> io:format("~p~n~p~n", [{C2, R2}, S2]) end,
    try lists:foldl(fun(X, A) -> X + A end, 0, [1, a]) catch C3:R3:S3 -> io:format("~p~n~p~n", [{C3, R3}, S3]) end,
    {'EXIT', {R4, S4}} = (catch erlang:binary_to_atom(id(<<255>>), utf8)),
    io:format("~p~n~p~n", [R4, S4]),
    ok.

level1(X) -> {ok, level2(X)}.
level2(X) -> [level3(X)].
level3(X) -> element(X + 5, {a}).

id(X) -> X.
