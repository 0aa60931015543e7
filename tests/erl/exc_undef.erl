-module(exc_undef).
-export([main/0, exported/0]).

%% undef for missing functions, missing modules, wrong arity; the stack frame shows the call.

main() ->
    M = id(exc_undef), Missing = id(no_such_module_qq),
    try M:not_exported() catch error:R:S -> io:format("~p ~p~n", [R, hd(S)]) end,
    try M:exported(1) catch error:R2:S2 -> io:format("~p ~p~n", [R2, hd(S2)]) end,
    try Missing:f(1, 2) catch error:R3:S3 -> io:format("~p ~p~n", [R3, hd(S3)]) end,
    try apply(M, id(nope), [a]) catch error:R4:S4 -> io:format("~p ~p~n", [R4, hd(S4)]) end,
    try (fun Missing:g/0)() catch error:R5:S5 -> io:format("~p ~p~n", [R5, hd(S5)]) end,
    io:format("~p~n", [erlang:function_exported(exc_undef, exported, 0)]),
    io:format("~p~n", [erlang:function_exported(exc_undef, not_exported, 0)]),
    io:format("~p~n", [erlang:function_exported(lists, reverse, 1)]),
    io:format("~p~n", [erlang:module_loaded(Missing)]),
    io:format("~p~n", [code:which(Missing)]),
    io:format("~p~n", [M:exported()]),
    ok.

exported() -> yes.
not_exported() -> no.
id(X) -> X.
