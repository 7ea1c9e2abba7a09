#pragma once

#include <exception>

namespace FinChat {

// Thrown where a request's handler resumes after a co_await and finds there is nobody left
// to act for: its client has left, or its server stopped meanwhile (then the handler must
// not touch what its object owned, and it does not: the exception unwinds it). The
// dispatcher drops such a request without an answer.
class Abandoned : public std::exception
{
public:
    const char *what() const noexcept override { return "the request was abandoned"; }
};

} // namespace FinChat
