-module(eval_helper).
-export([main/0, run_args/1, s_args/1, s_noargs/0]).

%% Entry points used by the eval_*.cmd tests (-run and -s pass arguments differently).
%% main/0 also makes this file a test of its own.

main() ->
    io:format("~p~n", [run_args(["x"])]).

%% -run Mod Fun A B: called as Fun(["A", "B"]) (strings)
run_args(Args) ->
    io:format("run_args ~p~n", [Args]),
    {ok, length(Args)}.

%% -s Mod Fun A B: called as Fun([a, b]) (atoms)
s_args(Args) ->
    io:format("s_args ~p~n", [Args]).

s_noargs() ->
    io:format("s_noargs~n").
