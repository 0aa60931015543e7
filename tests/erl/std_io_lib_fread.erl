-module(std_io_lib_fread).
-export([main/0]).

%% io_lib:fread/2,3 parsing formatted input.

main() ->
    Cases = [{"~d", "42 rest"}, {"~d ~d", "1 2"}, {"~f", "3.14"}, {"~s", "word more"}, {"~a", "atom rest"},
             {"~c", "xyz"}, {"~3c", "xyz"}, {"~u", "99"}, {"~-", "-5"}, {"~#", "16#FF"}, {"~e", "1.0e3"},
             {"~l", "abc"}, {"~d", "notanumber"}, {"~2d~2d", "1234"}, {"~s~d", "abc 12"},
             {"~d,~d", "5,6"}, {"~10s", "abcdefghijklm"}],
    [io:format("~p ~p -> ~p~n", [F, In, io_lib:fread(F, In)]) || {F, In} <- Cases],
    io:format("~p~n", [io_lib:fread([], "~d", "12 ")]),
    {more, C} = io_lib:fread([], "12", "~d"),
    io:format("~p~n", [io_lib:fread(C, " ", "~d")]),
    ok.
