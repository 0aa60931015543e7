-module(exc_error_args).
-export([main/0]).

%% error/2 and error/3 put args (and error_info) into the top stack frame; function_clause args.

main() ->
    try f2(a, b) catch error:R:S -> io:format("~p ~p~n", [R, hd(S)]) end,
    try f3(x) catch error:R3:S3 -> io:format("~p ~p~n", [R3, hd(S3)]) end,
    try fc(1, two, "three") catch error:R4:S4 -> io:format("~p ~p~n", [R4, hd(S4)]) end,
    try lists:seq(a, b) catch error:R5:S5 -> io:format("~p ~p~n", [R5, element(1, hd(S5))]) end,
    try (fun(1) -> ok end)(id(2)) catch error:R6:S6 -> [{M, _, A6, _} | _] = S6, io:format("~p ~p ~p~n", [R6, M, A6]) end,
    try error(only) catch error:R7:S7 -> [{M7, F7, A7, _} | _] = S7, io:format("~p ~p ~p ~p~n", [R7, M7, F7, A7]) end,
    ok.

f2(A, B) -> error({bad, A}, [A, B]).
f3(X) -> error(bad3, [X], [{error_info, #{module => ?MODULE, cause => testing}}]).
fc(1, 2, 3) -> ok.
id(X) -> X.
